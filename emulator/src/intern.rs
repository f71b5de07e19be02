//! Strings made `'static` once each: the names and paths of resources described at run time,
//! and route names parsed from text, which sidekick's types hold as `&'static str`. Interning
//! bounds the memory to the distinct strings, however often they are parsed.

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

static STRINGS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);

/// The one `'static` copy of `text`.
pub(crate) fn intern(text: &str) -> &'static str {
    let mut strings = STRINGS.lock().unwrap_or_else(PoisonError::into_inner);
    let strings = strings.get_or_insert_with(HashSet::new);
    if let Some(existing) = strings.get(text) {
        return existing;
    }
    let leaked: &'static str = String::leak(text.to_owned());
    strings.insert(leaked);
    leaked
}

/// The one `'static` copy of a slice of interned strings.
pub(crate) fn intern_slice(items: &[&'static str]) -> &'static [&'static str] {
    static SLICES: Mutex<Option<HashSet<&'static [&'static str]>>> = Mutex::new(None);
    let mut slices = SLICES.lock().unwrap_or_else(PoisonError::into_inner);
    let slices = slices.get_or_insert_with(HashSet::new);
    if let Some(existing) = slices.get(items) {
        return existing;
    }
    let leaked: &'static [&'static str] = Vec::leak(items.to_vec());
    slices.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_the_same_allocation() {
        let a = intern(&String::from("create-message"));
        let b = intern(&String::from("create-message"));
        assert!(std::ptr::eq(a, b));
        let x = intern_slice(&[a, "/x"]);
        assert!(std::ptr::eq(x, intern_slice(&[b, "/x"])));
    }
}
