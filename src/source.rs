//! Loading input files. A [`SourceFile`] holds the exact text of a file; every span in
//! oerlint is a byte range into that text, so nothing here rewrites line endings.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are skipped (with a note) unless the configuration or the
/// command line sets another limit.
pub const MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

/// The largest text read, whatever the limit set: offsets inside blocks are kept as
/// `u32` (memory: docs/reliability.md), so a file (or its UTF-8 decoding) of 4 GiB or
/// more is skipped with the same note as a file over the limit.
pub const MAX_TEXT: u64 = u32::MAX as u64;

/// How files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files over this many bytes are skipped with a note.
    pub max_size: u64,
    /// Read files that are not valid UTF-8 anyway, each invalid byte replaced by
    /// U+001A SUBSTITUTE (one byte, so that spans stay byte offsets of the file).
    pub lossy: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_size: MAX_FILE_SIZE, lossy: false }
    }
}

/// How a file's bytes became its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a byte order mark): the text is the file, byte for byte.
    Utf8,
    /// UTF-16 with a byte order mark, decoded: spans are byte offsets of the UTF-8 text
    /// (lines and columns are the file's); a fix is written back as UTF-16.
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8, read with `--encoding lossy`: `replaced` bytes were each replaced
    /// by U+001A, the first at `first`. Offsets are the file's; fixes are not written.
    Lossy {
        replaced: usize,
        first: usize,
    },
}

/// The character that stands for each invalid byte of a file read lossily.
pub const SUBSTITUTE: char = '\u{1A}';

/// One input file, kept byte for byte.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The path as shown to users (as given on the command line or found by the walk).
    pub display: String,
    pub text: String,
    /// Byte length of a leading UTF-8 byte order mark (0 or 3). Parsing starts after it.
    pub bom: usize,
    pub encoding: Encoding,
    /// Size and modification time of the file when it was read (none for text built in
    /// memory): `--fix` replaces a file only if they, and its content, are unchanged.
    pub stamp: Option<Stamp>,
    /// `u32`: texts are read up to [`MAX_TEXT`] bytes.
    line_starts: Vec<u32>,
    /// Characters before every 4 KiB of the text (at char boundaries), made on first
    /// use, so that the column of any offset is found without counting a long line from
    /// its start (a 1 MB line with 40,000 findings was quadratic).
    char_marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// What a file looked like when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp { len: meta.len(), modified: meta.modified().ok() }
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
    /// Byte offset of the problem, when there is one.
    pub offset: Option<usize>,
    /// The valid text before the problem, so that its line and column can be shown.
    pub prefix: Option<String>,
    /// The file was skipped on purpose (over the size limit), which is not an error.
    pub skipped: bool,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl SourceFile {
    /// Builds a source file from text already in memory (tests, stdin).
    pub fn from_text(path: impl Into<PathBuf>, text: String) -> SourceFile {
        let path = path.into();
        let display = display_path(&path);
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        // Lines end at LF, CRLF, or a lone CR (as CommonMark has it).
        // The line ends are found with `memchr2` (a vector search), not byte by byte.
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        SourceFile {
            path,
            display,
            text,
            bom,
            encoding: Encoding::Utf8,
            stamp: None,
            line_starts,
            char_marks: std::sync::OnceLock::new(),
        }
    }

    /// Reads and validates a file with the default options.
    pub fn load(path: &Path) -> Result<Arc<SourceFile>, LoadError> {
        SourceFile::load_with(path, &LoadOptions::default())
    }

    /// Reads and validates a file: UTF-8 or UTF-16 with a byte order mark, not empty,
    /// not binary, not over the size limit.
    pub fn load_with(path: &Path, opts: &LoadOptions) -> Result<Arc<SourceFile>, LoadError> {
        let err = |message: String, offset| LoadError {
            path: path.to_path_buf(),
            message,
            offset,
            prefix: None,
            skipped: false,
        };
        let cannot = |e: std::io::Error| {
            let mut m = format!("cannot read: {e}");
            if let Ok(target) = std::fs::read_link(path) {
                if !path.exists() {
                    m = format!("cannot read: broken symbolic link to {}", target.display());
                }
            }
            err(m, None)
        };
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if meta.is_dir() {
            return Err(err("is a folder, not a file".into(), None));
        }
        // Only regular files are opened: a FIFO would block forever, a device such as
        // /dev/zero never ends (and says its size is 0).
        if !meta.is_file() {
            let mut e =
                err(format!("skipped: not a regular file (a {}); only files are read", kind_of(&meta)), None);
            e.skipped = true;
            return Err(e);
        }
        let max_size = opts.max_size.min(MAX_TEXT);
        let too_big = |len: u64| {
            let mut e = err(
                format!(
                    "skipped: the file is {}{len} bytes, over the limit of {} bytes (set `max_file_size` in [input] of oerlint.toml, or --max-file-size)",
                    if len > meta.len() { "at least " } else { "" },
                    max_size
                ),
                None,
            );
            e.skipped = true;
            e
        };
        if meta.len() > max_size {
            return Err(too_big(meta.len()));
        }
        // The limit holds while reading too: the file may grow, or lie about its size.
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        let mut file = std::fs::File::open(path).map_err(cannot)?;
        let stamp = file.metadata().map(|m| Stamp::of(&m)).ok();
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, max_size + 1), &mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > max_size {
            return Err(too_big(bytes.len() as u64));
        }
        let bytes = bytes;
        if let Some((le, body)) = utf16_body(&bytes) {
            if body.len() % 2 == 1 {
                return Err(err("file is UTF-16 but has an odd number of bytes".into(), None));
            }
            let units: Vec<u16> = body
                .chunks_exact(2)
                .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
                .collect();
            let mut text = String::with_capacity(units.len() + 3);
            text.push('\u{feff}');
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => text.push(c),
                    Err(e) => {
                        return Err(err(
                            format!(
                                "file is not valid UTF-16: unpaired surrogate 0x{:04X}",
                                e.unpaired_surrogate()
                            ),
                            None,
                        ));
                    }
                }
            }
            let checked = match text.bytes().position(|b| b == 0) {
                Some(pos) => Err(binary(pos)),
                None => not_blank(&text),
            };
            checked.map_err(|(m, _)| err(format!("{m} (read as UTF-16)"), None))?;
            if text.len() as u64 > MAX_TEXT {
                return Err(too_big(text.len() as u64));
            }
            let mut f = SourceFile::from_text(path, text);
            f.encoding = if le { Encoding::Utf16Le } else { Encoding::Utf16Be };
            f.stamp = stamp;
            return Ok(Arc::new(f));
        }
        // The text before the problem, each invalid byte shown as one `?` so that byte
        // offsets stay those of the file (a lossy U+FFFD is 3 bytes and moved the offset
        // off a char boundary when invalid bytes came before a NUL).
        let prefix = |bytes: &[u8], o: Option<usize>| {
            o.map(|o| {
                let mut p = String::new();
                for chunk in bytes[..o.min(bytes.len())].utf8_chunks() {
                    p.push_str(chunk.valid());
                    p.extend(std::iter::repeat_n('?', chunk.invalid().len()));
                }
                p
            })
        };
        if opts.lossy && std::str::from_utf8(&bytes).is_err() && !bytes.contains(&0) {
            let mut text = String::with_capacity(bytes.len());
            let (mut replaced, mut first) = (0, None);
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    first.get_or_insert(text.len());
                    replaced += chunk.invalid().len();
                    text.extend(std::iter::repeat_n(SUBSTITUTE, chunk.invalid().len()));
                }
            }
            not_blank(&text).map_err(|(m, o)| err(m, o))?;
            let mut f = SourceFile::from_text(path, text);
            f.encoding = Encoding::Lossy { replaced, first: first.unwrap_or(0) };
            f.stamp = stamp;
            return Ok(Arc::new(f));
        }
        // The bytes are given to `decode` and come back with an error (for its prefix):
        // a copy of every file read was kept for the few that fail.
        let text = match decode(bytes) {
            Ok(t) => t,
            Err((m, o, bytes)) => {
                let mut e = err(m, o);
                e.prefix = prefix(&bytes, o);
                return Err(e);
            }
        };
        let mut f = SourceFile::from_text(path, text);
        f.stamp = stamp;
        Ok(Arc::new(f))
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&u32::try_from(offset).unwrap_or(u32::MAX)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and column of a byte offset; columns count Unicode scalar values.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let col = if offset - start <= MARK {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, col + 1)
    }

    /// The number of characters before a char boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![(0, 0)];
            let (mut at, mut chars) = (0, 0);
            while at + MARK < self.text.len() {
                let mut next = at + MARK;
                while !self.text.is_char_boundary(next) {
                    next += 1;
                }
                chars += self.text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
            marks
        });
        let (at, chars) = marks[marks.partition_point(|&(b, _)| b <= offset) - 1];
        chars + self.text[at..offset].chars().count()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where a 0-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).map_or(self.text.len(), |&s| s as usize)
    }

    /// The text of a 0-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let end = self.line_start(line + 1);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte range of the text after any byte order mark.
    pub fn body(&self) -> std::ops::Range<usize> {
        self.bom..self.text.len()
    }
}

/// Bytes between two marks of [`SourceFile::chars_before`].
const MARK: usize = 4096;

/// What a file that is not a regular file is, for a message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "FIFO";
        } else if t.is_char_device() {
            return "character device";
        } else if t.is_block_device() {
            return "block device";
        } else if t.is_socket() {
            return "socket";
        }
    }
    let _ = meta;
    "special file"
}

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// The byte order (little-endian?) and the bytes after the mark of a UTF-16 file.
fn utf16_body(bytes: &[u8]) -> Option<(bool, &[u8])> {
    if let Some(b) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Some((true, b))
    } else {
        bytes.strip_prefix(&[0xFE, 0xFF]).map(|b| (false, b))
    }
}

/// A NUL byte at `pos`: the file is binary.
fn binary(pos: usize) -> (String, Option<usize>) {
    (
        format!("file looks binary (NUL byte at offset {pos}); only UTF-8 and UTF-16 text is checked"),
        Some(pos),
    )
}

/// Text with nothing but white space (and a byte order mark) is not worth checking.
fn not_blank(text: &str) -> Result<(), (String, Option<usize>)> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(("file is empty (only white space)".into(), None));
    }
    Ok(())
}

/// Decodes file bytes as UTF-8, rejecting what is not text (the error gives the bytes
/// back).
fn decode(bytes: Vec<u8>) -> Result<String, (String, Option<usize>, Vec<u8>)> {
    if bytes.is_empty() {
        return Err(("file is empty".into(), None, bytes));
    }
    if let Some(pos) = memchr::memchr(0, &bytes) {
        let (m, o) = binary(pos);
        return Err((m, o, bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => match not_blank(&text) {
            Ok(()) => Ok(text),
            Err((m, o)) => Err((m, o, text.into_bytes())),
        },
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            Err((
                format!("file is not valid UTF-8: byte 0x{byte:02X} at offset {pos} (--encoding lossy reads it anyway)"),
                Some(pos),
                e.into_bytes(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The line starts found with `memchr2` are those of the byte-by-byte scan.
        #[test]
        fn line_starts_are_those_of_a_byte_scan(
            parts in proptest::collection::vec(proptest::sample::select(vec!["a", "\n", "\r", "\r\n", "é", " "]), 0..40),
        ) {
            let text = parts.concat();
            let bytes = text.as_bytes();
            let mut want = vec![0u32];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    want.push(i as u32 + 1);
                }
            }
            proptest::prop_assert_eq!(SourceFile::from_text("x.md", text.clone()).line_starts, want);
        }
    }

    #[test]
    fn line_col_counts_chars_and_handles_crlf() {
        let f = SourceFile::from_text("x.md", "ab\r\nés x\r\n".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(4), (2, 1));
        // "és " is 4 bytes, 3 chars
        assert_eq!(f.line_col(8), (2, 4));
        assert_eq!(f.line_col(f.text.len()), (3, 1));
    }

    #[test]
    fn columns_on_long_lines_count_chars() {
        let text = format!("# T\n{}x{}\n", "é".repeat(9000), "a".repeat(5000));
        let f = SourceFile::from_text("x.md", text.clone());
        for off in [4, 5000, 4 + 2 * 9000, text.len() - 1] {
            let expected = text[4..off].chars().count() + 1;
            assert_eq!(f.line_col(off), (2, expected), "{off}");
        }
    }

    #[test]
    fn lone_cr_ends_lines_too() {
        let lf = SourceFile::from_text("a.md", "ab\nés x\nz".to_string());
        let cr = SourceFile::from_text("b.md", "ab\rés x\rz".to_string());
        for off in [0, 3, 7, 9] {
            assert_eq!(lf.line_col(off), cr.line_col(off), "{off}");
        }
        assert_eq!(cr.line_col(9), (3, 1));
    }

    #[test]
    fn bom_is_kept_and_measured() {
        let f = SourceFile::from_text("x.md", "\u{feff}# T\n".to_string());
        assert_eq!(f.bom, 3);
        assert_eq!(&f.text[f.body()], "# T\n");
    }

    #[test]
    fn decode_rejects_non_text() {
        assert!(decode(vec![]).unwrap_err().0.contains("empty"));
        assert!(decode(b"  \n".to_vec()).unwrap_err().0.contains("empty"));
        assert!(decode(b"a\0b".to_vec()).unwrap_err().0.contains("offset 1"));
        let (m, o, _) = decode(b"ok \xff".to_vec()).unwrap_err();
        assert!(m.contains("0xFF at offset 3"), "{m}");
        assert_eq!(o, Some(3));
        assert_eq!(decode("é\r\n".as_bytes().to_vec()).unwrap(), "é\r\n");
    }
}
