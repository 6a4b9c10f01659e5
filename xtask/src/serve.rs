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
mod tests {
    use super::*;
    use std::net::SocketAddr;

    #[test]
    fn paths_stay_inside_the_site() {
        let root = Path::new("/srv/site");
        let js = resolve(root, "/web/main.js?v=1");
        assert_eq!(js, Some(root.join("web/main.js")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/web/../../x"), None);
        assert_eq!(mime(Path::new("a/b_bg.wasm")), "application/wasm");
    }

    const SMALL: Limits = Limits {
        connections: 2,
        request_time: Duration::from_millis(300),
        line: 64,
        headers: 128,
    };

    /// A server on 127.0.0.1 (a free port) for a one-file site; it ends with the test process.
    fn start(name: &str) -> SocketAddr {
        let root =
            std::env::temp_dir().join(format!("backstep-serve-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "hello").unwrap();
        let (listener, _) = bind(0).unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || serve_with(listener, root, SMALL));
        addr
    }

    /// A connection whose reads give up after 30 s, so no test can hang.
    fn connect(addr: SocketAddr) -> TcpStream {
        let s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s
    }

    /// Sends `request` whole and returns the whole answer.
    fn ask(addr: SocketAddr, request: &[u8]) -> String {
        let (mut s, mut answer) = (connect(addr), String::new());
        s.write_all(request).unwrap();
        s.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn oversized_or_malformed_requests_get_an_error() {
        let addr = start("sizes");
        let ok = ask(addr, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 200 OK\r\n") && ok.ends_with("hello"));
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(100));
        assert!(ask(addr, long.as_bytes()).starts_with("HTTP/1.1 414 "));
        let pad = "X-Pad: bbbbbbbbbbbbbbbbbbbbbbbb\r\n".repeat(6);
        let headers = format!("GET / HTTP/1.1\r\n{pad}\r\n");
        assert!(ask(addr, headers.as_bytes()).starts_with("HTTP/1.1 431 "));
        assert!(ask(addr, b"\x00\x01\x02\r\n\r\n").starts_with("HTTP/1.1 400 "));
        assert!(ask(addr, b"GET /\r\n\r\n").starts_with("HTTP/1.1 400 "));
        assert!(ask(addr, b"POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405 "));
        assert!(ask(addr, b"GET /../x HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404 "));
        // A client that stops mid-line gets no answer, and the server goes on.
        assert_eq!(ask(addr, b"GET / HT"), "");
        assert!(ask(addr, b"HEAD / HTTP/1.1\r\n\r\n").ends_with("\r\n\r\n"));
    }

    #[test]
    fn idle_connections_are_capped_and_closed() {
        let addr = start("idle");
        let mut idle: Vec<TcpStream> = (0..SMALL.connections).map(|_| connect(addr)).collect();
        // One more than the cap is turned away at once.
        assert!(ask(addr, b"").starts_with("HTTP/1.1 503 "));
        // The idle ones are closed when their request time is up, without an answer.
        for s in &mut idle {
            assert_eq!(s.read(&mut [0; 16]).unwrap(), 0);
        }
        // Their slots are free again.
        let ok = ask(addr, b"GET / HTTP/1.1\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 200 OK"), "{ok}");
    }
}
