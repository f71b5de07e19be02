//! Errors that say which file and where in it.

use std::fmt;
use std::path::Path;

use crate::node::Ptr;

/// A failure reading, reducing or writing one file; the message names the file and, for a
/// problem in its content, the JSON pointer of the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file concerned (empty while the reduction of a document is still under way).
    pub file: String,
    /// The JSON pointer of the offending value, or `None` for a problem with the file itself.
    pub pointer: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Error {
    /// A problem with the value at `at`; the file is filled in by `Error::in_file`.
    pub(crate) fn at(at: &Ptr, message: impl Into<String>) -> Self {
        Error { file: String::new(), pointer: Some(at.as_str().to_owned()), message: message.into() }
    }

    /// A problem with the file as a whole (reading, writing, parsing).
    pub(crate) fn file(path: &Path, message: impl fmt::Display) -> Self {
        Error { file: path.display().to_string(), pointer: None, message: message.to_string() }
    }

    /// Names the file this error was found in.
    pub(crate) fn in_file(mut self, path: &Path) -> Self {
        self.file = path.display().to_string();
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = if self.file.is_empty() { "<input>" } else { &self.file };
        match &self.pointer {
            Some(pointer) if pointer.is_empty() => {
                write!(f, "{file}: at the document root: {}", self.message)
            }
            Some(pointer) => write!(f, "{file}: at {pointer}: {}", self.message),
            None => write!(f, "{file}: {}", self.message),
        }
    }
}

impl std::error::Error for Error {}
