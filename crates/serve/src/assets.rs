//! The web desk's files, embedded at build time from `assets/` (see `build.rs`).

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::json_error;

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The file called `name`, if embedded.
pub(crate) fn find(name: &str) -> Option<&'static [u8]> {
    ASSETS.iter().find(|(n, _)| *n == name).map(|(_, bytes)| *bytes)
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "geojson" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file(name: &str) -> Response {
    match find(name) {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, content_type(name)),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        None => json_error(StatusCode::NOT_FOUND, &format!("no such file: {name}")),
    }
}

/// `GET /`: the desk.
pub(crate) async fn index() -> Response {
    if find("index.html").is_some() {
        file("index.html")
    } else {
        (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><title>sitrep</title><p>This build has no web desk; the API is at <a href=\"/api/events\">/api/events</a>.</p>",
        )
            .into_response()
    }
}

/// `GET /assets/{*path}`.
pub(crate) async fn asset(Path(path): Path<String>) -> Response {
    file(&path)
}
