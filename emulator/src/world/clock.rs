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
    /// Never panics: a step past the range chrono can represent stops at its last (or, going
    /// back, first) whole second, about 262 000 years from now.
    ///
    /// ```
    /// use chrono::{DateTime, TimeDelta, TimeZone, Utc};
    /// let clock = sidekick_emulator::Clock::new();
    /// clock.set(Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0).unwrap());
    /// clock.advance(TimeDelta::minutes(5));
    /// assert_eq!(clock.now(), Utc.with_ymd_and_hms(2024, 1, 1, 9, 5, 0).unwrap());
    ///
    /// clock.advance(TimeDelta::MAX); // saturates
    /// assert_eq!(clock.now().timestamp(), DateTime::<Utc>::MAX_UTC.timestamp());
    /// ```
    pub fn advance(&self, by: TimeDelta) {
        let mut frozen = self.lock();
        let base = frozen.unwrap_or_else(Utc::now);
        *frozen = Some(whole_seconds(saturating_add(base, by)));
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

/// `base + by`, clamped to the range of `DateTime<Utc>` instead of panicking like `+`.
fn saturating_add(base: DateTime<Utc>, by: TimeDelta) -> DateTime<Utc> {
    base.checked_add_signed(by).unwrap_or(if by < TimeDelta::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap()
    }

    #[test]
    fn advancing_past_the_end_of_time_saturates() {
        let clock = Clock::new();
        clock.set(start());
        clock.advance(TimeDelta::MAX);
        let end = clock.now();
        assert_eq!(end.timestamp(), DateTime::<Utc>::MAX_UTC.timestamp());
        assert_eq!(end.nanosecond(), 0);
        clock.advance(TimeDelta::seconds(1));
        assert_eq!(clock.now(), end, "stays at the last second");
        clock.advance(TimeDelta::seconds(-1));
        assert_eq!(clock.now(), end - TimeDelta::seconds(1));
    }

    #[test]
    fn advancing_before_the_start_of_time_saturates() {
        let clock = Clock::new();
        clock.set(start());
        clock.advance(TimeDelta::MIN);
        assert_eq!(clock.now().timestamp(), DateTime::<Utc>::MIN_UTC.timestamp());
        clock.advance(TimeDelta::MIN);
        assert_eq!(clock.now().timestamp(), DateTime::<Utc>::MIN_UTC.timestamp());
        // A real-time clock saturates too.
        let live = Clock::new();
        live.advance(TimeDelta::MIN);
        assert_eq!(live.now().timestamp(), DateTime::<Utc>::MIN_UTC.timestamp());
    }

    #[test]
    fn set_accepts_the_extremes() {
        let clock = Clock::new();
        for instant in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            clock.set(instant);
            assert_eq!(clock.now().timestamp(), instant.timestamp());
            assert_eq!(clock.now().nanosecond(), 0);
        }
    }

    #[test]
    fn sub_second_steps_truncate() {
        let clock = Clock::new();
        clock.set(start());
        clock.advance(TimeDelta::milliseconds(1500));
        assert_eq!(clock.now(), start() + TimeDelta::seconds(1));
    }
}
