//! The static server's tests: paths stay inside the site, oversized or malformed requests get
//! an error, and idle connections are capped and closed.

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
    request_time: Duration::from_secs(1),
    line: 64,
    headers: 128,
};

/// A server on 127.0.0.1 (a free port) for a one-file site; it ends with the test process.
fn start(name: &str, limits: Limits) -> SocketAddr {
    let root = std::env::temp_dir().join(format!("backstep-serve-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("index.html"), "hello").unwrap();
    let (listener, _) = bind(0).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || serve_with(listener, root, limits));
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
    // Not capped at 2: a refused request's slot is freed a moment after its client leaves,
    // and the next request must not race it.
    let addr = start(
        "sizes",
        Limits {
            connections: 64,
            ..SMALL
        },
    );
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
    let addr = start("idle", SMALL);
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
