//! Time for humans: every phase of `cargo xtask` says what it does when it starts and how long it
//! took when it ends, and a phase that runs long prints a heartbeat with the elapsed time, so the
//! tool is never silent for more than [`BEAT`] (a cold compile can take minutes).

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Longest silence while a phase runs.
pub const BEAT: Duration = Duration::from_secs(20);

/// A phase under way: announced on creation, a heartbeat every [`BEAT`] while it lasts, and its
/// time when [`Phase::done`] (or a drop) ends it.
pub struct Phase {
    label: String,
    start: Instant,
    stop: Option<Sender<()>>,
    beat: Option<JoinHandle<()>>,
}

impl Phase {
    /// Announces `label` and starts its heartbeat.
    pub fn start(label: &str) -> Phase {
        eprintln!("xtask: {label} …");
        let (stop, rx) = mpsc::channel::<()>();
        let (text, start) = (short(label), Instant::now());
        let beat = std::thread::spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = rx.recv_timeout(BEAT) {
                eprintln!("xtask: … still {text} ({})", human(start.elapsed()));
            }
        });
        Phase {
            label: short(label),
            start,
            stop: Some(stop),
            beat: Some(beat),
        }
    }

    /// Ends the phase, printing how it went and how long it took; returns the time.
    pub fn done(mut self, ok: bool) -> Duration {
        self.finish(if ok { "done" } else { "FAILED" })
    }

    fn finish(&mut self, how: &str) -> Duration {
        let took = self.start.elapsed();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
            if let Some(beat) = self.beat.take() {
                let _ = beat.join();
            }
            eprintln!("xtask: {how} in {}: {}", human(took), self.label);
        }
        took
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        self.finish("ended");
    }
}

/// A long command line cut to its first 72 characters, for the heartbeat and the time.
fn short(label: &str) -> String {
    match label.char_indices().nth(72) {
        Some((i, _)) => format!("{} …", &label[..i]),
        None => label.to_string(),
    }
}

/// `1m05s`, `12.3s`.
pub fn human(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1}s")
    } else {
        format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::human;
    use std::time::Duration;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(human(Duration::from_millis(12_340)), "12.3s");
        assert_eq!(human(Duration::from_secs(150)), "2m30s");
    }
}
