//! A static file server for `dist/` on 127.0.0.1 (std only): GET and HEAD, the right MIME
//! types (`.wasm` as `application/wasm`), nothing outside the site, no caching. What one client
//! may cost is bounded ([`Limits`]): connections at once, time to send a request, and the size
//! of the request line and headers.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

type Io = std::io::Result<()>;

/// Time a response may wait for the client to read it.
const WRITE_TIME: Duration = Duration::from_secs(30);

/// Binds 127.0.0.1:`port` (0 picks a free one) and returns the listener and its URL.
pub fn bind(port: u16) -> Result<(TcpListener, String), String> {
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        ErrorKind::AddrInUse => format!(
            "port {port} on 127.0.0.1 is taken (another server, or another `cargo xtask serve`?); choose another with --port N"
        ),
        _ => format!("cannot listen on 127.0.0.1:{port}: {e} (another port: --port N)"),
    })?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    Ok((listener, format!("http://{addr}/")))
}

/// What one client may cost the server.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Connections served at once; one more is answered 503 and closed.
    pub connections: usize,
    /// Time to send the whole request (line and headers); past it the connection is closed.
    pub request_time: Duration,
    /// Bytes of the request line; past it, 414.
    pub line: usize,
    /// Bytes of all the headers; past them, 431.
    pub headers: usize,
}

impl Limits {
    /// The limits `cargo xtask serve` uses: far above what a browser needs for the page.
    pub const SERVE: Limits = Limits {
        connections: 64,
        request_time: Duration::from_secs(10),
        line: 8 << 10,
        headers: 32 << 10,
    };
}

/// Serves `root` on `listener` until the process ends, one thread per connection.
pub fn serve(listener: TcpListener, root: PathBuf) {
    serve_with(listener, root, Limits::SERVE);
}

/// [`serve`] with chosen limits.
pub fn serve_with(listener: TcpListener, root: PathBuf, limits: Limits) {
    let active = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
        if active.load(Ordering::SeqCst) >= limits.connections {
            let _ = error(&mut stream, "503 Service Unavailable");
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(Arc::clone(&active));
        let root = root.clone();
        // A thread that cannot start drops its slot and its connection.
        let _ = std::thread::Builder::new().spawn(move || {
            let _ = stream.set_write_timeout(Some(WRITE_TIME));
            let _ = handle(&mut stream, &root, &limits);
            // The slot is free before the client sees the connection close.
            drop(slot);
            drop(stream);
        });
    }
}

/// One of the connections served at once; freed when dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The stream, read with one deadline for the whole request.
struct Deadline(TcpStream, Instant);

impl Read for Deadline {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.1.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        self.0.set_read_timeout(Some(left))?;
        self.0.read(buf)
    }
}

/// A line of the request read with a size limit: whole (with its line break), longer than the
/// limit, or ended early (the client stopped sending).
enum Line {
    Whole(Vec<u8>),
    TooLong,
    Ended,
}

fn read_line(reader: &mut impl BufRead, max: usize) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    reader.take(max as u64 + 1).read_until(b'\n', &mut buf)?;
    Ok(if buf.ends_with(b"\n") && buf.len() <= max {
        Line::Whole(buf)
    } else if buf.len() > max {
        Line::TooLong
    } else {
        Line::Ended
    })
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The file a request path names, or None if it would leave the site.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn handle(stream: &mut TcpStream, root: &Path, limits: &Limits) -> Io {
    let until = Instant::now() + limits.request_time;
    let mut r = BufReader::new(Deadline(stream.try_clone()?, until));
    let request = match read_line(&mut r, limits.line)? {
        Line::Whole(l) => l,
        Line::TooLong => return refuse(stream, &mut r, "414 URI Too Long"),
        Line::Ended => return Ok(()),
    };
    // The headers: nothing in them matters here, but their size is bounded.
    let mut budget = limits.headers;
    loop {
        match read_line(&mut r, budget)? {
            Line::Whole(l) if l == b"\r\n" || l == b"\n" => break,
            Line::Whole(l) => budget -= l.len(),
            Line::TooLong => return refuse(stream, &mut r, "431 Request Header Fields Too Large"),
            Line::Ended => return Ok(()),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let parts: Vec<&str> = request.split_whitespace().collect();
    let [method, target, version] = parts[..] else {
        return error(stream, "400 Bad Request");
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return error(stream, "400 Bad Request");
    }
    if method != "GET" && method != "HEAD" {
        return error(stream, "405 Method Not Allowed");
    }
    let body = method == "GET";
    match resolve(root, target).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, bytes)) => send(stream, "200 OK", mime(&path), &bytes, body),
        None => send(stream, "404 Not Found", "text/plain", b"not found\n", body),
    }
}

/// A plain-text error response whose body is its status line.
fn error(s: &mut TcpStream, status: &str) -> Io {
    let body = format!("{status}\n");
    send(s, status, "text/plain", body.as_bytes(), true)
}

/// [`error`] for a request not read to its end: the rest is read and dropped (up to 64 KiB,
/// within the request's time), so that closing does not reset the connection before the
/// client has read the answer.
fn refuse(s: &mut TcpStream, rest: &mut impl Read, status: &str) -> Io {
    error(s, status)?;
    s.shutdown(std::net::Shutdown::Write)?;
    std::io::copy(&mut rest.take(64 << 10), &mut std::io::sink()).map(drop)
}

fn send(s: &mut TcpStream, status: &str, mime: &str, body: &[u8], with_body: bool) -> Io {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes())?;
    if with_body {
        s.write_all(body)?;
    }
    s.flush()
}

#[cfg(test)]
#[path = "serve_tests.rs"]
mod tests;
