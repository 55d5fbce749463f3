// SPDX-License-Identifier: GPL-3.0-or-later
// xlsx through libxlsxwriter: built in a temporary file (constant memory), then copied to `out`.
#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>
#include <hujing/util/dynlib.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace hujing::output::detail {

namespace {

// libxlsxwriter (and the libcrypto it pulls in) is opened on the first xlsx output, not at every
// start (see util::LazyLibrary).
struct Xlsx {
    decltype(&::workbook_new_opt) workbook_new_opt;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet;
    decltype(&::workbook_add_format) workbook_add_format;
    decltype(&::workbook_close) workbook_close;
    decltype(&::worksheet_write_string) worksheet_write_string;
    decltype(&::worksheet_write_number) worksheet_write_number;
    decltype(&::worksheet_set_column) worksheet_set_column;
    decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
    decltype(&::worksheet_autofilter) worksheet_autofilter;
    decltype(&::format_set_num_format) format_set_num_format;
    decltype(&::format_set_bold) format_set_bold;
    decltype(&::lxw_strerror) lxw_strerror;
};

const Xlsx& xlsx() {
    static util::LazyLibrary library("libxlsxwriter.so.4", "libxlsxwriter4");
    static const Xlsx functions{
        library.function<decltype(&::workbook_new_opt)>("workbook_new_opt"),
        library.function<decltype(&::workbook_add_worksheet)>("workbook_add_worksheet"),
        library.function<decltype(&::workbook_add_format)>("workbook_add_format"),
        library.function<decltype(&::workbook_close)>("workbook_close"),
        library.function<decltype(&::worksheet_write_string)>("worksheet_write_string"),
        library.function<decltype(&::worksheet_write_number)>("worksheet_write_number"),
        library.function<decltype(&::worksheet_set_column)>("worksheet_set_column"),
        library.function<decltype(&::worksheet_freeze_panes)>("worksheet_freeze_panes"),
        library.function<decltype(&::worksheet_autofilter)>("worksheet_autofilter"),
        library.function<decltype(&::format_set_num_format)>("format_set_num_format"),
        library.function<decltype(&::format_set_bold)>("format_set_bold"),
        library.function<decltype(&::lxw_strerror)>("lxw_strerror")};
    return functions;
}

constexpr int k_max_column_width = 60; // Excel character units
constexpr std::size_t k_max_cell_bytes =
    32767; // Excel's limit per cell (libxlsxwriter checks bytes)

// A private temporary file in $TMPDIR (or /tmp), removed when this goes out of scope.
class TempFile {
public:
    TempFile() {
        const char* tmpdir = std::getenv("TMPDIR");
        m_dir = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
        m_path = m_dir + "/hujing-xlsx-XXXXXX";
        const int fd = ::mkstemp(m_path.data());
        if (fd < 0) {
            const int error = errno;
            throw Error(Exit::internal,
                        fmt::format("无法创建临时文件 {}: {}", m_path, std::strerror(error)),
                        "检查 TMPDIR");
        }
        ::close(fd);
    }

    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    TempFile(TempFile&&) = delete;
    TempFile& operator=(TempFile&&) = delete;

    ~TempFile() {
        ::unlink(m_path.c_str());
    }

    [[nodiscard]] const std::string& path() const {
        return m_path;
    }

    std::string& dir() {
        return m_dir;
    }

private:
    std::string m_dir;
    std::string m_path;
};

// `text` cut to at most `k_max_cell_bytes` bytes on a UTF-8 character boundary. (Control
// characters need nothing: libxlsxwriter writes them as Excel's _xHHHH_ escapes.)
std::string fit_cell(std::string_view text) {
    std::size_t end = text.size();
    if (end > k_max_cell_bytes) {
        end = k_max_cell_bytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
            --end;
        }
    }
    return std::string(text.substr(0, end));
}

void check(lxw_error error) {
    if (error != LXW_NO_ERROR) {
        throw Error(Exit::internal, std::string("写 xlsx 失败: ") + xlsx().lxw_strerror(error));
    }
}

void copy_file(const std::string& path, std::FILE* out) {
    const auto close = [](std::FILE* file) { std::fclose(file); };
    std::unique_ptr<std::FILE, decltype(close)> in(std::fopen(path.c_str(), "rb"), close);
    if (!in) {
        const int error = errno;
        throw Error(Exit::internal,
                    fmt::format("无法读取临时文件 {}: {}", path, std::strerror(error)));
    }
    std::array<char, std::size_t{64} * 1024> chunk{};
    std::size_t n = 0;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), in.get())) > 0) {
        write_all(out, std::string_view(chunk.data(), n));
    }
    if (std::ferror(in.get()) != 0) {
        throw Error(Exit::internal, "读取临时文件失败: " + path);
    }
    if (std::fflush(out) != 0) {
        const int error = errno;
        throw Error(Exit::internal, std::string("写出失败: ") + std::strerror(error));
    }
}

class XlsxWriter final : public RowWriter {
public:
    explicit XlsxWriter(WriterSetup setup)
        : m_columns(std::move(setup.columns)),
          m_fields(std::move(setup.fields)),
          m_out(setup.out),
          m_widths(m_fields.size(), 0) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        options.tmpdir = m_file.dir().data();
        m_workbook = xlsx().workbook_new_opt(m_file.path().c_str(), &options);
        if (m_workbook == nullptr) {
            throw Error(Exit::internal, "无法创建 xlsx 工作簿");
        }
        m_sheet = xlsx().workbook_add_worksheet(m_workbook, nullptr);
        m_bold = xlsx().workbook_add_format(m_workbook);
        xlsx().format_set_bold(m_bold);
        m_money = xlsx().workbook_add_format(m_workbook);
        xlsx().format_set_num_format(m_money, "0.00");
        if (setup.options.header) {
            for (std::size_t i = 0; i < m_fields.size(); ++i) {
                write_text(i, m_columns[m_fields[i]].label, m_bold);
            }
            m_header_rows = 1;
            ++m_row;
        }
    }

    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;
    XlsxWriter(XlsxWriter&&) = delete;
    XlsxWriter& operator=(XlsxWriter&&) = delete;

    ~XlsxWriter() override {
        if (m_workbook != nullptr) {
            xlsx().workbook_close(m_workbook); // frees it; the temporary file is removed next
        }
    }

    void row(const Row& values) override {
        check_row_size(values, m_columns.size());
        if (m_row >= LXW_ROW_MAX) {
            throw Error(Exit::invalid,
                        fmt::format("xlsx 最多 {} 行", LXW_ROW_MAX),
                        "用 -f csv 或 -f tsv 导出");
        }
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const auto& column = m_columns[m_fields[i]];
            write_cell(i, values[m_fields[i]], column);
        }
        ++m_row;
    }

    void finish() override {
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const auto col = static_cast<lxw_col_t>(i);
            const int width = std::min(m_widths[i] + 2, k_max_column_width);
            check(xlsx().worksheet_set_column(m_sheet, col, col, width, nullptr));
        }
        if (m_header_rows > 0) {
            xlsx().worksheet_freeze_panes(m_sheet, 1, 0);
            if (!m_fields.empty()) {
                check(xlsx().worksheet_autofilter(
                    m_sheet, 0, 0, m_row - 1, static_cast<lxw_col_t>(m_fields.size() - 1)));
            }
        }
        auto* workbook = std::exchange(m_workbook, nullptr);
        check(xlsx().workbook_close(workbook));
        copy_file(m_file.path(), m_out);
    }

private:
    void write_text(std::size_t field, std::string_view text, lxw_format* format) {
        const std::string cell = fit_cell(text);
        m_widths[field] = std::max(m_widths[field], util::display_width(cell));
        check(xlsx().worksheet_write_string(
            m_sheet, m_row, static_cast<lxw_col_t>(field), cell.c_str(), format));
    }

    void write_number(std::size_t field, double number, int width, lxw_format* format) {
        m_widths[field] = std::max(m_widths[field], width);
        check(xlsx().worksheet_write_number(
            m_sheet, m_row, static_cast<lxw_col_t>(field), number, format));
    }

    void write_cell(std::size_t field, const Value& value, const Column& column) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            m_scratch.clear();
            if (column.kind == Kind::money) {
                append_yuan(m_scratch, *number);
                write_number(field,
                             static_cast<double>(*number) / 100.0,
                             static_cast<int>(m_scratch.size()),
                             m_money);
            } else {
                append_integer(m_scratch, *number);
                write_number(field,
                             static_cast<double>(*number),
                             static_cast<int>(m_scratch.size()),
                             nullptr);
            }
        } else if (std::holds_alternative<std::monostate>(value)) {
            return; // a blank cell
        } else {
            write_text(field, human_text(value, column), nullptr);
        }
    }

    std::vector<Column> m_columns;
    std::vector<std::size_t> m_fields;
    std::FILE* m_out;
    TempFile m_file;
    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_money = nullptr;
    lxw_row_t m_row = 0;
    lxw_row_t m_header_rows = 0;
    std::vector<int> m_widths;
    std::string m_scratch;
};

} // namespace

std::unique_ptr<RowWriter> make_xlsx_writer(WriterSetup setup) {
    if (is_terminal(setup.out)) {
        throw Error(Exit::invalid, "xlsx 不能输出到终端", "重定向到文件: > out.xlsx");
    }
    return std::make_unique<XlsxWriter>(std::move(setup));
}

} // namespace hujing::output::detail
