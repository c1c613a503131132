//! `sitrep serve`: a JSON API over the record (the SQLite store of `sitrep ingest`) and the web
//! desk that reads it — map, toll timeline, table, evidence, and a box to paste a report.
//!
//! The last stage of the pipeline: it reads the store and never writes it. Running the
//! extraction on a pasted report (`POST /api/extract`) needs the pipeline, which lives in the
//! crates upstream; the binary hands it in as an [`Extractor`] so this crate does not reach
//! back up.
//!
//! The routes are described in `API.md` beside this crate and, machine-readably, at
//! `GET /api/openapi.json`. Every error is a JSON body `{"error": "..."}` with a 4xx status
//! (503 when the database cannot be read); a handler that panics answers 500 and the server
//! goes on.
//!
//! ```no_run
//! # async fn demo() -> Result<(), sitrep_serve::ServeError> {
//! use std::sync::Arc;
//! let extractor: sitrep_serve::Extractor = Arc::new(|doc: &sitrep_model::Document| {
//!     sitrep_model::DocResult { doc_id: doc.doc_id.clone(), title: None, published: None, events: vec![] }
//! });
//! let config = sitrep_serve::Config::new("sitrep.db");
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! sitrep_serve::serve(listener, config, extractor).await
//! # }
//! ```

mod api;
mod assets;
mod db;
mod error;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use sitrep_model::{DocResult, Document};

pub use error::ServeError;

/// Runs the extraction pipeline on one document (handed in by the binary).
pub type Extractor = Arc<dyn Fn(&Document) -> DocResult + Send + Sync>;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database written by `sitrep ingest`.
    pub db: PathBuf,
    /// Largest request body accepted (bytes); larger bodies get 413.
    pub max_body: usize,
    /// Largest page of `GET /api/events` (`limit`).
    pub max_page: u64,
    /// A request that takes longer is answered 503.
    pub timeout: Duration,
    /// Database connections kept open for reuse.
    pub pool_size: usize,
}

impl Config {
    /// Defaults: 1 MiB bodies, pages of at most 500 events, 30 s per request.
    pub fn new(db: impl Into<PathBuf>) -> Self {
        Config {
            db: db.into(),
            max_body: 1 << 20,
            max_page: 500,
            timeout: Duration::from_secs(30),
            pool_size: 8,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) db: Arc<db::Pool>,
    pub(crate) extractor: Extractor,
    pub(crate) config: Arc<Config>,
}

/// The whole application: API routes, the desk's assets, limits and panic catching.
///
/// Fails when the database does not exist or cannot be opened.
pub fn router(config: Config, extractor: Extractor) -> Result<Router, ServeError> {
    let pool = db::Pool::open(&config.db, config.pool_size)?;
    let state = AppState {
        db: Arc::new(pool),
        extractor,
        config: Arc::new(config),
    };
    Ok(api::routes(state))
}

/// Serve on `listener` until Ctrl-C (or SIGTERM), then finish the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    extractor: Extractor,
) -> Result<(), ServeError> {
    let app = router(config, extractor)?;
    let addr: Option<SocketAddr> = listener.local_addr().ok();
    if let Some(addr) = addr {
        tracing::info!(%addr, "serving");
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(ServeError::Io)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
