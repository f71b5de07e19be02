//! The records of one registered resource, in creation order, and the pure selection of a page
//! of them. Nothing here knows HTTP: the wire form of a page is the HTTP layer's.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

/// One stored object: the path arguments of its parents (its scope), its own identifier as
/// it appears in its path, another key it answers to for now (a connected participant's
/// identity), and its JSON.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    pub(crate) scope: Vec<String>,
    pub(crate) id: String,
    pub(crate) alias: Option<String>,
    pub(crate) object: Map<String, Value>,
}

/// Where in a list a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Start {
    /// After skipping this many matching items (an offset, or a page index times the size).
    Skip(u64),
    /// After the item created at this sequence number: stable while items come and go.
    After(u64),
    /// The page that ends just before the item created at this sequence number.
    Before(u64),
}

/// A page of matching records, and what lies around it.
#[derive(Debug)]
pub(crate) struct Selection<'a> {
    pub(crate) records: Vec<&'a Record>,
    /// The sequence number of the page's last record, when more match after it.
    pub(crate) next: Option<u64>,
    /// The sequence number of the page's first record, when more match before it.
    pub(crate) previous: Option<u64>,
    /// How many matching records come before the page.
    pub(crate) offset: u64,
    /// How many records match in all.
    pub(crate) total: u64,
}

/// One resource's records, keyed by scope and creation sequence so that a scope's records are
/// a contiguous, ordered range. Each scope is numbered once, so that the indexes hold a number
/// rather than a copy of the parents' arguments.
#[derive(Debug, Default)]
pub(crate) struct Collection {
    scopes: HashMap<Vec<String>, u32>,
    records: BTreeMap<(u32, u64), Record>,
    by_id: HashMap<(u32, String), u64>,
    next_seq: u64,
    /// The highest whole-number identifier ever stored, per scope.
    highest_numbers: HashMap<u32, u64>,
    /// The records answering to each alias in a scope; the newest is the one meant.
    /// Sequence numbers in ascending order: nearly always one, so a sorted `Vec` rather than a
    /// tree node per alias.
    by_alias: HashMap<(u32, String), Vec<u64>>,
    /// How many records each scope holds.
    counts: HashMap<u32, usize>,
}

impl Collection {
    /// The number of `scope`, if anything was ever stored in it.
    fn scope_id(&self, scope: &[String]) -> Option<u32> {
        self.scopes.get(scope).copied()
    }

    fn scope_id_or_new(&mut self, scope: &[String]) -> u32 {
        if let Some(id) = self.scope_id(scope) {
            return id;
        }
        // More scopes than u32 numbers would need more memory than any machine has.
        let id = u32::try_from(self.scopes.len()).unwrap_or(u32::MAX);
        self.scopes.insert(scope.to_vec(), id);
        id
    }

    /// Stores `record`; `false` (and nothing stored) if its scope already has its identifier.
    pub(crate) fn insert(&mut self, record: Record) -> bool {
        let scope = self.scope_id_or_new(&record.scope);
        let key = (scope, record.id.clone());
        if self.by_id.contains_key(&key) {
            return false;
        }
        self.next_seq += 1;
        if let Ok(number) = record.id.parse::<u64>() {
            let highest = self.highest_numbers.entry(scope).or_default();
            *highest = (*highest).max(number);
        }
        self.by_id.insert(key, self.next_seq);
        *self.counts.entry(scope).or_default() += 1;
        if let Some(alias) = &record.alias {
            self.by_alias.entry((scope, alias.clone())).or_default().push(self.next_seq);
        }
        self.records.insert((scope, self.next_seq), record);
        true
    }

    /// Replaces a stored record's object and alias; `false` if there is no such record.
    pub(crate) fn replace(
        &mut self,
        scope: &[String],
        id: &str,
        object: Map<String, Value>,
        alias: Option<String>,
    ) -> bool {
        let Some((scope, seq)) = self.key_of(scope, id) else { return false };
        let Some(record) = self.records.get_mut(&(scope, seq)) else { return false };
        let old = std::mem::replace(&mut record.alias, alias.clone());
        record.object = object;
        if old != alias {
            self.unindex_alias(scope, old, seq);
            if let Some(alias) = alias {
                let holders = self.by_alias.entry((scope, alias)).or_default();
                if let Err(at) = holders.binary_search(&seq) {
                    holders.insert(at, seq);
                }
            }
        }
        true
    }

    fn unindex_alias(&mut self, scope: u32, alias: Option<String>, seq: u64) {
        let Some(alias) = alias else { return };
        let key = (scope, alias);
        if let Some(holders) = self.by_alias.get_mut(&key) {
            holders.retain(|held| *held != seq);
            if holders.is_empty() {
                self.by_alias.remove(&key);
            }
        }
    }

    /// The identifier of the newest record of `scope` answering to `alias`.
    pub(crate) fn find_alias(&self, scope: &[String], alias: &str) -> Option<&str> {
        let scope = self.scope_id(scope)?;
        let holders = self.by_alias.get(&(scope, alias.to_owned()))?;
        let newest = holders.last()?;
        self.records.get(&(scope, *newest)).map(|r| r.id.as_str())
    }

    /// The identifiers of the records of `scope`, oldest first.
    pub(crate) fn ids_in_scope(&self, scope: &[String]) -> Vec<String> {
        self.in_scope(scope).map(|(_, r)| r.id.clone()).collect()
    }

    pub(crate) fn get(&self, scope: &[String], id: &str) -> Option<&Record> {
        let key = self.key_of(scope, id)?;
        self.records.get(&key)
    }

    pub(crate) fn remove(&mut self, scope: &[String], id: &str) -> Option<Record> {
        let scope = self.scope_id(scope)?;
        let seq = self.by_id.remove(&(scope, id.to_owned()))?;
        let record = self.records.remove(&(scope, seq))?;
        if let Some(count) = self.counts.get_mut(&scope) {
            *count -= 1;
        }
        self.unindex_alias(scope, record.alias.clone(), seq);
        Some(record)
    }

    /// A whole-number identifier above every one in use (GitHub's issue numbers), so that a
    /// number is never given twice, even after deletes or seeded numbers.
    pub(crate) fn next_number(&self, scope: &[String]) -> u64 {
        let highest = self.scope_id(scope).and_then(|scope| self.highest_numbers.get(&scope));
        highest.map_or(1, |highest| highest.saturating_add(1))
    }

    /// The scope's number and the record's sequence number.
    fn key_of(&self, scope: &[String], id: &str) -> Option<(u32, u64)> {
        let scope = self.scope_id(scope)?;
        self.by_id.get(&(scope, id.to_owned())).map(|seq| (scope, *seq))
    }

    /// Changes the objects of `scope` in place with `change`, which says whether it changed
    /// one; a changed object's alias is `alias` of it. No copies: for changes the caller knows
    /// to be valid (Video's room completion, on rooms of any size).
    pub(crate) fn change_each(
        &mut self,
        scope: &[String],
        mut change: impl FnMut(&mut Map<String, Value>) -> bool,
        alias: impl Fn(&Map<String, Value>) -> Option<String>,
    ) -> usize {
        let Some(scope) = self.scope_id(scope) else { return 0 };
        let mut changed = 0;
        for ((_, seq), record) in self.records.range_mut((scope, 0)..=(scope, u64::MAX)) {
            if !change(&mut record.object) {
                continue;
            }
            changed += 1;
            let new = alias(&record.object);
            if new == record.alias {
                continue;
            }
            if let Some(old) = record.alias.take() {
                let key = (scope, old);
                if let Some(holders) = self.by_alias.get_mut(&key) {
                    holders.retain(|held| held != seq);
                    if holders.is_empty() {
                        self.by_alias.remove(&key);
                    }
                }
            }
            if let Some(new) = &new {
                let holders = self.by_alias.entry((scope, new.clone())).or_default();
                if let Err(at) = holders.binary_search(seq) {
                    holders.insert(at, *seq);
                }
            }
            record.alias = new;
        }
        changed
    }

    /// How many records `scope` holds.
    pub(crate) fn count_in_scope(&self, scope: &[String]) -> usize {
        self.scope_id(scope).and_then(|scope| self.counts.get(&scope)).copied().unwrap_or(0)
    }

    /// The records of `scope`, oldest first.
    pub(crate) fn records_in_scope<'a>(
        &'a self,
        scope: &[String],
    ) -> impl DoubleEndedIterator<Item = &'a Record> + 'a {
        self.in_scope(scope).map(|(_, record)| record)
    }

    /// The records of `scope` in creation order, with their sequence numbers.
    fn in_scope<'a>(&'a self, scope: &[String]) -> impl DoubleEndedIterator<Item = (u64, &'a Record)> + 'a {
        self.between(scope, 0, u64::MAX)
    }

    /// The records of `scope` created after `after` and before `before` (sequence numbers,
    /// both exclusive), oldest first.
    fn between<'a>(
        &'a self,
        scope: &[String],
        after: u64,
        before: u64,
    ) -> impl DoubleEndedIterator<Item = (u64, &'a Record)> + 'a {
        // A scope never stored in gets a number no record has.
        let scope = self.scope_id(scope).unwrap_or(u32::MAX);
        let from = (scope, after.saturating_add(1));
        let to = (scope, before.max(from.1));
        self.records.range(from..to).map(|((_, seq), record)| (*seq, record))
    }

    /// The page of `size` records of `scope` that `matches` accepts, starting at `start`.
    ///
    /// It costs the page, and the search for a neighbour on either side: paging through a list
    /// stays linear. Only when `counted` does it count the whole list for the page's offset and
    /// the total (0 otherwise).
    pub(crate) fn select(
        &self,
        scope: &[String],
        start: Start,
        size: usize,
        counted: bool,
        matches: impl Fn(&Record) -> bool,
    ) -> Selection<'_> {
        let matching =
            |after: u64, before: u64| self.between(scope, after, before).filter(|(_, r)| matches(r));
        let (page, more_before, more_after): (Vec<(u64, &Record)>, bool, bool) = match start {
            Start::Skip(skip) => {
                let skip = usize::try_from(skip).unwrap_or(usize::MAX);
                let mut page: Vec<_> =
                    matching(0, u64::MAX).skip(skip).take(size.saturating_add(1)).collect();
                let more_after = page.len() > size;
                page.truncate(size);
                (page, skip > 0, more_after)
            }
            Start::After(seq) => {
                let mut page: Vec<_> = matching(seq, u64::MAX).take(size.saturating_add(1)).collect();
                let more_after = page.len() > size;
                page.truncate(size);
                let first = page.first().map_or(seq.saturating_add(1), |(s, _)| *s);
                (page, matching(0, first).next_back().is_some(), more_after)
            }
            Start::Before(seq) => {
                let mut page: Vec<_> = matching(0, seq).rev().take(size.saturating_add(1)).collect();
                let more_before = page.len() > size;
                page.truncate(size);
                page.reverse();
                let last = page.last().map_or(seq.saturating_sub(1), |(s, _)| *s);
                (page, more_before, matching(last, u64::MAX).next().is_some())
            }
        };
        let (offset, total) = match (counted, page.first()) {
            (false, _) => (0, 0),
            (true, first) => {
                let total = matching(0, u64::MAX).count() as u64;
                let offset = match first {
                    Some((seq, _)) => matching(0, *seq).count() as u64,
                    None => total,
                };
                (offset, total)
            }
        };
        Selection {
            next: page.last().filter(|_| more_after).map(|(seq, _)| *seq),
            previous: page.first().filter(|_| more_before).map(|(seq, _)| *seq),
            records: page.into_iter().map(|(_, r)| r).collect(),
            offset,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(scope: &str, id: &str) -> Record {
        Record { scope: vec![scope.to_owned()], id: id.to_owned(), alias: None, object: Map::new() }
    }

    fn ids(selection: &Selection<'_>) -> Vec<String> {
        selection.records.iter().map(|r| r.id.clone()).collect()
    }

    fn filled() -> Collection {
        let mut c = Collection::default();
        for i in 0..10 {
            assert!(c.insert(record("A", &format!("a{i}"))));
            assert!(c.insert(record("B", &format!("b{i}"))));
        }
        c
    }

    #[test]
    fn identifiers_are_unique_within_a_scope_only() {
        let mut c = filled();
        assert!(!c.insert(record("A", "a1")));
        assert!(c.insert(record("C", "a1")));
        assert_eq!(c.records.len(), 21);
        assert_eq!(c.get(&["A".into()], "a3").unwrap().id, "a3");
        assert!(c.get(&["B".into()], "a3").is_none());
        assert_eq!(c.remove(&["A".into()], "a3").unwrap().id, "a3");
        assert!(c.get(&["A".into()], "a3").is_none());
        assert!(c.remove(&["A".into()], "a3").is_none());
    }

    #[test]
    fn aliases_name_the_newest_holder_and_follow_changes() {
        let mut c = Collection::default();
        let scope = ["R".to_owned()];
        let with =
            |id: &str, alias: Option<&str>| Record { alias: alias.map(str::to_owned), ..record("R", id) };
        c.insert(with("P1", Some("alice")));
        c.insert(with("P2", Some("alice")));
        assert_eq!(c.find_alias(&scope, "alice"), Some("P2"));
        assert!(c.replace(&scope, "P2", Map::new(), None), "P2 leaves");
        assert_eq!(c.find_alias(&scope, "alice"), Some("P1"));
        c.remove(&scope, "P1");
        assert_eq!(c.find_alias(&scope, "alice"), None);
        assert!(c.by_alias.is_empty(), "no empty sets are kept");
        assert!(!c.replace(&scope, "P9", Map::new(), None));
        assert_eq!(c.ids_in_scope(&scope), ["P2"]);
    }

    #[test]
    fn changes_in_place_follow_aliases() {
        let mut c = Collection::default();
        let scope = ["R".to_owned()];
        for (id, alias) in [("P1", "alice"), ("P2", "bob")] {
            c.insert(Record { alias: Some(alias.to_owned()), ..record("R", id) });
        }
        let leave = |object: &mut Map<String, Value>| object.insert("gone".into(), true.into()).is_none();
        assert_eq!(c.change_each(&scope, leave, |_| None), 2);
        assert_eq!((c.find_alias(&scope, "alice"), c.find_alias(&scope, "bob")), (None, None));
        assert!(c.by_alias.is_empty(), "no empty sets are kept");
        assert_eq!(c.change_each(&scope, leave, |_| Some("x".into())), 0, "nothing changed again");
        assert_eq!(c.find_alias(&scope, "x"), None);
        let back = |object: &mut Map<String, Value>| object.remove("gone").is_some();
        assert_eq!(c.change_each(&scope, back, |_| Some("x".into())), 2);
        assert_eq!(c.find_alias(&scope, "x"), Some("P2"), "the newest holder");
        assert_eq!(c.change_each(&["Z".to_owned()], |_| true, |_| None), 0);
    }

    #[test]
    fn numbers_are_never_given_twice() {
        let mut c = Collection::default();
        let (a, b) = (["A".to_owned()], ["B".to_owned()]);
        assert_eq!(c.next_number(&a), 1);
        c.insert(record("A", "7"));
        c.insert(record("B", "2"));
        assert_eq!((c.next_number(&a), c.next_number(&b)), (8, 3), "numbers count per scope");
        c.remove(&a, "7");
        assert_eq!(c.next_number(&a), 8, "a deleted number is not given again");
    }

    #[test]
    fn pages_by_cursor_stay_put_while_records_come_and_go() {
        let mut c = filled();
        let scope = ["A".to_owned()];
        let first = c.select(&scope, Start::Skip(0), 3, true, |_| true);
        assert_eq!(ids(&first), ["a0", "a1", "a2"]);
        assert_eq!((first.offset, first.total, first.previous), (0, 10, None));
        let after = first.next.unwrap();
        // A record before the cursor goes away; a new one arrives at the end.
        c.remove(&scope, "a1");
        c.insert(record("A", "a10"));
        let second = c.select(&scope, Start::After(after), 3, true, |_| true);
        assert_eq!(ids(&second), ["a3", "a4", "a5"]);
        let back = c.select(&scope, Start::Before(second.previous.unwrap()), 3, true, |_| true);
        assert_eq!(ids(&back), ["a0", "a2"]);
        let last = c.select(&scope, Start::Skip(8), 3, true, |_| true);
        assert_eq!(ids(&last), ["a9", "a10"]);
        assert_eq!(last.next, None);
    }

    #[test]
    fn uncounted_pages_are_the_same_pages_without_offsets() {
        let c = filled();
        let scope = ["A".to_owned()];
        for start in [Start::Skip(0), Start::Skip(4), Start::After(5), Start::Before(15), Start::Skip(99)] {
            let counted = c.select(&scope, start, 3, true, |_| true);
            let plain = c.select(&scope, start, 3, false, |_| true);
            assert_eq!(ids(&counted), ids(&plain), "{start:?}");
            assert_eq!((counted.next, counted.previous), (plain.next, plain.previous), "{start:?}");
            assert_eq!((plain.offset, plain.total), (0, 0));
        }
        let middle = c.select(&scope, Start::After(5), 3, true, |_| true);
        assert_eq!((middle.offset, middle.total), (3, 10), "a0 a1 a2 are before it");
    }

    #[test]
    fn filters_apply_before_paging() {
        let c = filled();
        let even = |r: &Record| r.id.trim_start_matches('b').parse::<u32>().unwrap().is_multiple_of(2);
        let page = c.select(&["B".to_owned()], Start::Skip(1), 2, true, even);
        assert_eq!(ids(&page), ["b2", "b4"]);
        assert_eq!((page.offset, page.total), (1, 5));
    }

    #[test]
    fn out_of_range_starts_are_empty_pages() {
        let c = filled();
        let scope = ["A".to_owned()];
        assert!(c.select(&scope, Start::Skip(u64::MAX), 5, true, |_| true).records.is_empty());
        assert!(c.select(&scope, Start::After(u64::MAX), 5, true, |_| true).records.is_empty());
        assert!(c.select(&["Z".to_owned()], Start::Skip(0), 5, true, |_| true).records.is_empty());
        assert_eq!(ids(&c.select(&scope, Start::Before(u64::MAX), 2, true, |_| true)), ["a8", "a9"]);
    }
}
