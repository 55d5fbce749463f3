// SPDX-License-Identifier: GPL-3.0-or-later
// CsvReader over libcsv (csv(3)). The input is read in chunks, checked for UTF-8 and fed to
// libcsv in strict mode; its callbacks append fields to one flat buffer, so a chunk's records
// are queued without per-field allocations and handed out one at a time.
//
// Lines: with CSV_REPALL_NL libcsv reports every CR and LF outside a field, and a field can
// only hold a LF when it is quoted, in which case the LF is in the field's data. So the
// callbacks see every LF of the input, and the line where a record starts is the count so far
// when its first field is submitted. Error locations inside a chunk are counted from the raw
// bytes instead, since libcsv reports the offset of the byte it rejects.
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/util/text.hpp>

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>
#include <string_view>

namespace hujing::io {

namespace {

constexpr unsigned char k_parser_options = CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL;
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::size_t k_max_carry = 3; // the longest incomplete UTF-8 sequence
constexpr std::size_t k_entry_block =
    std::size_t{64} * 1024; // libcsv's field buffer grows by this much

// RFC 4180 keeps spaces; libcsv would trim spaces and tabs around unquoted fields.
int no_space(unsigned char /*c*/) {
    return 0;
}

// The length of an incomplete UTF-8 sequence at the end of `text` (0 when it ends cleanly or
// the tail is invalid anyway, which validation then reports).
std::size_t incomplete_utf8_tail(std::string_view text) {
    const std::size_t look = std::min(text.size(), k_max_carry);
    for (std::size_t back = 1; back <= look; ++back) {
        const auto c = static_cast<unsigned char>(text[text.size() - back]);
        if ((c & 0xC0U) == 0x80U) {
            continue; // a continuation byte: keep looking for the lead
        }
        std::size_t need = 1;
        if (c >= 0xF0U) {
            need = 4;
        } else if (c >= 0xE0U) {
            need = 3;
        } else if (c >= 0xC0U) {
            need = 2;
        }
        return back < need ? back : 0;
    }
    return 0;
}

int to_int(std::int64_t value) {
    return static_cast<int>(std::min<std::int64_t>(value, std::numeric_limits<int>::max()));
}

constexpr std::string_view k_quote_hint =
    "含逗号、引号或换行的字段须整个用双引号括起，字段中的双引号写作两个 (\"\")";

} // namespace

struct CsvReader::Impl {
    Impl(std::istream& input, std::string label, CsvOptions opts);
    ~Impl();
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    Impl(Impl&&) = delete;
    Impl& operator=(Impl&&) = delete;

    bool next(CsvRecord& out);
    void compact();
    void fill();
    void parse(const char* data, std::size_t size);
    void finish();
    void check_record_size();
    void advance(std::string_view fed);
    [[nodiscard]] SourceLocation location_of(std::string_view before) const;
    [[nodiscard]] std::int64_t open_record_line() const;

    static void on_field(void* data, std::size_t size, void* self) noexcept;
    static void on_row(int c, void* self) noexcept;

    // A record that libcsv has completed and next() has not handed out yet.
    struct Ready {
        std::size_t first_field; // index into field_ends
        std::size_t field_count;
        std::int64_t line;
    };

    std::istream& in;
    std::string name;
    CsvOptions options;
    csv_parser parser{};

    std::vector<char> buffer; // a chunk, after up to k_max_carry bytes kept from the last one
    std::size_t carry = 0;
    bool at_start = true; // the BOM has not been looked for yet
    bool done = false;    // the input is exhausted and csv_fini has run
    std::int64_t bytes = 0;

    // Fields of the queued records, then those of the open record, back to back.
    std::string field_data;
    std::vector<std::size_t> field_ends; // end offset in field_data of each field
    std::vector<Ready> ready;
    std::size_t next_ready = 0;
    std::size_t open_first_field = 0; // fields from here on belong to the open record
    bool in_record = false;           // the open record has at least one field
    std::int64_t open_line = 0;
    std::int64_t line = 1; // the line libcsv's callbacks have reached

    // Where the bytes fed to libcsv so far end, for error locations.
    std::int64_t raw_line = 1;
    std::int64_t raw_column = 0; // bytes of raw_line already fed

    std::optional<Error> pending;      // thrown once the records before it are handed out
    std::exception_ptr callback_error; // libcsv is C: callbacks must not throw through it
};

CsvReader::Impl::Impl(std::istream& input, std::string label, CsvOptions opts)
    : in(input),
      name(label == "-" ? "<stdin>" : std::move(label)),
      options(opts) {
    if (!in) {
        throw Error(Exit::internal, "输入流不可读", {}, SourceLocation{name, 0, 0});
    }
    options.chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
    buffer.resize(options.chunk_bytes + k_max_carry);
    if (csv_init(&parser, k_parser_options) != 0) {
        throw Error(Exit::internal, "CSV 解析器初始化失败");
    }
    csv_set_space_func(&parser, no_space);
    csv_set_blk_size(&parser, k_entry_block);
}

CsvReader::Impl::~Impl() {
    csv_free(&parser);
}

void CsvReader::Impl::on_field(void* data, std::size_t size, void* self) noexcept {
    auto& impl = *static_cast<Impl*>(self);
    if (impl.callback_error) {
        return;
    }
    try {
        if (!impl.in_record) {
            impl.in_record = true;
            impl.open_line = impl.line;
        }
        if (size > 0) {
            const auto* text = static_cast<const char*>(data);
            impl.field_data.append(text, size);
            impl.line += std::count(text, text + size, '\n');
        }
        impl.field_ends.push_back(impl.field_data.size());
    } catch (...) {
        impl.callback_error = std::current_exception();
    }
}

void CsvReader::Impl::on_row(int c, void* self) noexcept {
    auto& impl = *static_cast<Impl*>(self);
    if (impl.callback_error) {
        return;
    }
    try {
        if (impl.in_record) {
            const auto count = impl.field_ends.size() - impl.open_first_field;
            impl.ready.push_back(Ready{impl.open_first_field, count, impl.open_line});
            impl.open_first_field = impl.field_ends.size();
            impl.in_record = false;
        } // else an empty line (CSV_REPALL_NL)
        if (c == '\n') {
            ++impl.line;
        }
    } catch (...) {
        impl.callback_error = std::current_exception();
    }
}

bool CsvReader::Impl::next(CsvRecord& out) {
    while (next_ready == ready.size()) {
        if (pending) {
            // A copy, so that every later call fails the same way.
            throw *pending; // NOLINT(misc-throw-by-value-catch-by-reference)
        }
        if (done) {
            return false;
        }
        compact();
        fill();
    }
    const Ready& record = ready[next_ready++];
    out.line = record.line;
    out.fields.resize(record.field_count);
    for (std::size_t i = 0; i < record.field_count; ++i) {
        const std::size_t index = record.first_field + i;
        const std::size_t begin = index == 0 ? 0 : field_ends[index - 1];
        out.fields[i].assign(field_data, begin, field_ends[index] - begin);
    }
    return true;
}

// Drop the handed-out records, keeping the open record's fields.
void CsvReader::Impl::compact() {
    const std::size_t keep_from = open_first_field == 0 ? 0 : field_ends[open_first_field - 1];
    field_data.erase(0, keep_from);
    field_ends.erase(field_ends.begin(),
                     field_ends.begin() + static_cast<std::ptrdiff_t>(open_first_field));
    for (auto& end : field_ends) {
        end -= keep_from;
    }
    open_first_field = 0;
    ready.clear();
    next_ready = 0;
}

// Read one chunk, validate it and feed it to libcsv; at the end of input, finish.
void CsvReader::Impl::fill() {
    in.read(buffer.data() + carry, static_cast<std::streamsize>(options.chunk_bytes));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) {
        throw Error(Exit::internal, "读取输入失败", {}, SourceLocation{name, 0, 0});
    }
    bytes += static_cast<std::int64_t>(got);
    const bool eof = got < options.chunk_bytes;
    const std::size_t size = carry + got;

    std::size_t begin = 0;
    if (at_start) {
        if (size < k_bom.size() && !eof) {
            carry = size; // too short to tell whether it starts with a BOM
            return;
        }
        at_start = false;
        if (std::string_view(buffer.data(), size).starts_with(k_bom)) {
            begin = k_bom.size();
        }
    }

    const std::string_view chunk(buffer.data() + begin, size - begin);
    const std::size_t hold = eof ? 0 : incomplete_utf8_tail(chunk);
    const std::string_view usable = chunk.substr(0, chunk.size() - hold);
    std::size_t bad = 0;
    const bool valid = util::is_valid_utf8(usable, &bad);
    const std::string_view fed = valid ? usable : usable.substr(0, bad);

    parse(fed.data(), fed.size());
    if (!pending && !valid) {
        pending = Error(Exit::invalid,
                        "无效的 UTF-8 字节",
                        "文件须为 UTF-8 编码；Excel 另存为时请选“CSV UTF-8”，GBK 文件可用 iconv "
                        "-f GBK -t UTF-8 转换",
                        location_of(fed));
    }
    advance(fed);
    if (!pending) {
        check_record_size();
    }

    std::memmove(buffer.data(), usable.data() + usable.size(), hold);
    carry = hold;
    if (eof && !pending) {
        finish();
    }
}

void CsvReader::Impl::parse(const char* data, std::size_t size) {
    const std::size_t parsed = csv_parse(&parser, data, size, on_field, on_row, this);
    if (callback_error) {
        std::rethrow_exception(callback_error);
    }
    if (parsed == size) {
        return;
    }
    if (csv_error(&parser) != CSV_EPARSE) {
        throw Error(Exit::internal,
                    fmt::format("CSV 解析失败: {}", csv_strerror(csv_error(&parser))));
    }
    // Strict mode rejects the byte at `parsed`: a quote in an unquoted field, or anything but
    // a comma or line end after a closing quote (spaces included, as no byte is a space).
    const bool stray_quote = data[parsed] == '"';
    std::string hint(k_quote_hint);
    auto where = location_of(std::string_view(data, parsed));
    if (const auto start = open_record_line(); start != where.line) {
        hint += fmt::format("；该记录从第 {} 行开始", start);
    }
    pending = Error(Exit::invalid,
                    stray_quote ? "未加引号的字段中出现双引号" : "右引号后出现多余字符",
                    std::move(hint),
                    std::move(where));
}

void CsvReader::Impl::finish() {
    const int status = csv_fini(&parser, on_field, on_row, this);
    if (callback_error) {
        std::rethrow_exception(callback_error);
    }
    if (status != 0) {
        pending = Error(Exit::invalid,
                        "引号未闭合",
                        "从这一行开始的记录中，有字段以双引号开头却直到文件末尾都没有右引号",
                        SourceLocation{name, to_int(open_record_line()), 0});
    }
    done = true;
}

// Keep memory bounded: a record cannot outgrow `options.max_record_bytes`.
void CsvReader::Impl::check_record_size() {
    const std::size_t open_from = open_first_field == 0 ? 0 : field_ends[open_first_field - 1];
    const std::size_t open_bytes = field_data.size() - open_from + parser.entry_pos;
    if (open_bytes > options.max_record_bytes) {
        pending = Error(Exit::invalid,
                        fmt::format("记录超过 {} 字节", options.max_record_bytes),
                        "多半是某个双引号没有闭合",
                        SourceLocation{name, to_int(open_record_line()), 0});
    }
}

// The line where the record being parsed started: every LF before it has been reported.
std::int64_t CsvReader::Impl::open_record_line() const {
    return in_record ? open_line : line;
}

// The location of the byte just after `before`, which starts where the fed input ends.
SourceLocation CsvReader::Impl::location_of(std::string_view before) const {
    const auto newlines = std::count(before.begin(), before.end(), '\n');
    const auto last = before.rfind('\n');
    const auto column = last == std::string_view::npos
                            ? raw_column + static_cast<std::int64_t>(before.size()) + 1
                            : static_cast<std::int64_t>(before.size() - last);
    return SourceLocation{name, to_int(raw_line + newlines), to_int(column)};
}

void CsvReader::Impl::advance(std::string_view fed) {
    raw_line += std::count(fed.begin(), fed.end(), '\n');
    const auto last = fed.rfind('\n');
    raw_column = last == std::string_view::npos ? raw_column + static_cast<std::int64_t>(fed.size())
                                                : static_cast<std::int64_t>(fed.size() - last - 1);
}

CsvReader::CsvReader(std::istream& in, std::string name, CsvOptions options)
    : m_impl(std::make_unique<Impl>(in, std::move(name), options)) {}

CsvReader::~CsvReader() = default;

std::optional<CsvRecord> CsvReader::next() {
    CsvRecord record;
    if (!m_impl->next(record)) {
        return std::nullopt;
    }
    return record;
}

bool CsvReader::next(CsvRecord& out) {
    return m_impl->next(out);
}

std::int64_t CsvReader::bytes_read() const {
    return m_impl->bytes;
}

const std::string& CsvReader::name() const {
    return m_impl->name;
}

} // namespace hujing::io
