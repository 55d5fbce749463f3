// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the validators every command runs on typed or imported text: USCC,
// ID numbers, dates, periods and money. Each must either accept the input and give a value
// that survives a round trip, or throw hujing::Error with Exit::invalid; the maskers must
// never reveal more than they promise. Anything else aborts and libFuzzer reports it.
#include <hujing/error.hpp>
#include <hujing/util/date.hpp>
#include <hujing/util/id_number.hpp>
#include <hujing/util/money.hpp>
#include <hujing/util/uscc.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace hujing;

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

// Run `f`; a hujing::Error must be Exit::invalid. Returns whether `f` returned.
template <typename F>
bool accepts(F&& f) {
    try {
        f();
        return true;
    } catch (const Error& e) {
        check(e.code() == Exit::invalid);
        return false;
    }
}

void fuzz_uscc(std::string_view input) {
    const auto c = util::check_uscc(input);
    std::string valid;
    const bool ok = accepts([&] { valid = util::validate_uscc(input); });
    check(ok == c.ok());
    if (ok) {
        check(valid.size() == 18 && valid == c.normalized);
        check(util::uscc_check_character(std::string_view(valid).substr(0, 17)) == valid[17]);
        check(util::validate_uscc(valid) == valid);
        // Changing the check character breaks the code.
        auto wrong = valid;
        wrong[17] = wrong[17] == '0' ? '1' : '0';
        check(!util::check_uscc(wrong).ok());
    }
}

void fuzz_id_number(std::string_view input) {
    const util::Date today{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{30}};
    const auto c = util::check_id_number(input, today);
    std::string valid;
    const bool ok = accepts([&] { valid = util::validate_id_number(input, today); });
    check(ok == c.ok());
    if (ok) {
        check(valid.size() == 18);
        check(util::id_number_check_character(std::string_view(valid).substr(0, 17)) == valid[17]);
        check(c.birth_date && *c.birth_date <= today);
    }
    // The mask never shows more than 10 characters of the input.
    const auto masked = util::mask_id_number(input);
    check(std::count(masked.begin(), masked.end(), '*') + 10 >= static_cast<long>(masked.size())
          || masked.size() <= 10);
    (void)util::mask_phone(input);
}

void fuzz_date(std::string_view input) {
    if (const auto d = util::parse_iso_date(input)) {
        check(d->ok());
        const auto text = util::format_date(*d);
        check(util::parse_iso_date(text) == d);
    }
    const util::Date today{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{15}};
    util::Date d{};
    if (accepts([&] { d = util::parse_date_arg(input, today); })) {
        check(d.ok());
    }
    util::Period p;
    if (accepts([&] { p = util::parse_period(input, today); })) {
        check(p.from.ok() && p.to.ok() && p.from <= p.to && !p.label.empty());
    }
}

void fuzz_money(std::string_view input) {
    std::int64_t fen = 0;
    if (accepts([&] { fen = util::parse_yuan(input); })) {
        check(fen >= 0);
        check(util::parse_yuan(util::format_yuan(fen)) == fen);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_uscc(input);
    fuzz_id_number(input);
    fuzz_date(input);
    fuzz_money(input);
    return 0;
}
