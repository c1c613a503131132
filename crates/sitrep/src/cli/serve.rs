//! `sitrep serve`: the HTTP API and the web desk over a database written by `sitrep ingest`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;

/// Arguments of `sitrep serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The database file written by `sitrep ingest`.
    #[arg(long, value_name = "FILE", default_value = "sitrep.db")]
    db: PathBuf,

    /// Address to listen on (loopback by default; the API has no authentication).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,

    /// Largest request body accepted, in bytes (a pasted report).
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    max_body: usize,

    /// Seconds a request may take before it is answered 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
}

pub(crate) fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = sitrep_serve::Config::new(&args.db);
    config.max_body = args.max_body;
    config.timeout = std::time::Duration::from_secs(args.timeout);
    let pipeline = sitrep::Pipeline::new();
    let extractor: sitrep_serve::Extractor = Arc::new(move |doc| pipeline.process(doc));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr().unwrap_or(args.addr);
        super::report(&format!(
            "serving {} on http://{addr}/ (API: http://{addr}/api/openapi.json); Ctrl-C stops",
            args.db.display()
        ));
        sitrep_serve::serve(listener, config, extractor)
            .await
            .context("the server stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}
