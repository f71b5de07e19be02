//! A counting allocator: the peak of live heap bytes allocated by the client's threads while a
//! measurement runs. The pre-rendered server's thread is excluded, so the figure is the client's
//! own; time rounds run with counting off, so they pay one relaxed load per allocation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

pub struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static CALLS: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    static IGNORED: Cell<bool> = const { Cell::new(false) };
}

/// Leaves the calling thread's allocations out of every measurement.
pub fn ignore_this_thread() {
    IGNORED.with(|ignored| ignored.set(true));
}

fn counted() -> bool {
    // A thread being torn down has no thread-local left: it is not the client's.
    ON.load(Relaxed) && !IGNORED.try_with(Cell::get).unwrap_or(true)
}

fn grow(bytes: usize) {
    CALLS.fetch_add(1, Relaxed);
    let live = LIVE.fetch_add(bytes as isize, Relaxed) + bytes as isize;
    PEAK.fetch_max(live, Relaxed);
}

fn shrink(bytes: usize) {
    LIVE.fetch_sub(bytes as isize, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counted() {
            grow(layout.size());
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if counted() {
            grow(layout.size());
        }
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counted() {
            shrink(layout.size());
        }
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counted() {
            // Counted as the allocator may do it: the new block before the old one is freed.
            grow(new_size);
            shrink(layout.size());
            // One call, not an allocation and a free.
            CALLS.fetch_sub(1, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What `work` allocated on counted threads.
pub struct Usage {
    /// The peak of live heap bytes, above what was live when it started.
    pub peak: usize,
    /// How many allocations it made (reallocations not counted).
    pub allocations: usize,
}

/// Runs `work`, counting its allocations.
pub async fn usage_of<F: std::future::Future>(work: F) -> (F::Output, Usage) {
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    CALLS.store(0, Relaxed);
    ON.store(true, Relaxed);
    let output = work.await;
    ON.store(false, Relaxed);
    let usage =
        Usage { peak: PEAK.load(Relaxed).max(0) as usize, allocations: CALLS.load(Relaxed).max(0) as usize };
    (output, usage)
}
