//! The emulator's notion of "now": real time by default, or a frozen instant that tests move.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, TimeDelta, Timelike, Utc};

/// A shared handle to the emulator's clock.
///
/// By default it follows real time. Once [`set`](Clock::set) or [`advance`](Clock::advance) is
/// called it is frozen and only moves when told to, so durations and date filters are
/// deterministic. Every reading is truncated to whole seconds, the precision of Twilio's
/// timestamps, so what a client reads back is exactly what the emulator compares.
/// Clones share the same clock.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use sidekick_emulator::Clock;
///
/// let clock = Clock::new();
/// let start = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
/// clock.set(start);
/// clock.advance(TimeDelta::seconds(90));
/// assert_eq!(clock.now(), start + TimeDelta::seconds(90));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Clock {
    frozen_at: Arc<Mutex<Option<DateTime<Utc>>>>,
}

impl Clock {
    /// A clock that follows real time.
    ///
    /// ```
    /// let clock = sidekick_emulator::Clock::new();
    /// assert!(clock.now() <= chrono::Utc::now());
    /// ```
    pub fn new() -> Clock {
        Clock::default()
    }

    /// The current instant, truncated to whole seconds.
    ///
    /// ```
    /// use chrono::Timelike;
    /// let now = sidekick_emulator::Clock::new().now();
    /// assert_eq!(now.nanosecond(), 0);
    /// ```
    pub fn now(&self) -> DateTime<Utc> {
        let frozen = *self.lock();
        whole_seconds(frozen.unwrap_or_else(Utc::now))
    }

    /// Freezes the clock at `instant` (truncated to whole seconds).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// let clock = sidekick_emulator::Clock::new();
    /// let instant = Utc.with_ymd_and_hms(2024, 1, 1, 9, 30, 0).unwrap();
    /// clock.set(instant);
    /// assert_eq!(clock.now(), instant);
    /// ```
    pub fn set(&self, instant: DateTime<Utc>) {
        *self.lock() = Some(whole_seconds(instant));
    }

    /// Moves the clock forward by `by` (or back, if negative). A clock that was following real
    /// time is frozen at the current time plus `by`.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// let clock = sidekick_emulator::Clock::new();
    /// clock.set(Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0).unwrap());
    /// clock.advance(TimeDelta::minutes(5));
    /// assert_eq!(clock.now(), Utc.with_ymd_and_hms(2024, 1, 1, 9, 5, 0).unwrap());
    /// ```
    pub fn advance(&self, by: TimeDelta) {
        let mut frozen = self.lock();
        let base = frozen.unwrap_or_else(Utc::now);
        *frozen = Some(whole_seconds(base + by));
    }

    /// Makes the clock follow real time again.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// let clock = sidekick_emulator::Clock::new();
    /// clock.set(Utc.with_ymd_and_hms(2001, 1, 1, 0, 0, 0).unwrap());
    /// clock.resume_real_time();
    /// assert!(clock.now().timestamp() > 1_700_000_000);
    /// ```
    pub fn resume_real_time(&self) {
        *self.lock() = None;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<DateTime<Utc>>> {
        // The guarded value is a plain Option; a panic elsewhere cannot leave it half-written.
        self.frozen_at.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn whole_seconds(instant: DateTime<Utc>) -> DateTime<Utc> {
    instant.with_nanosecond(0).unwrap_or(instant)
}
