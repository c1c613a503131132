//! Errors: the server's own ([`ServeError`]) and the JSON answer of a failed request.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sitrep_store::StoreError;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database file is not there.
    #[error("no database at {0}: run `sitrep ingest --db {0} PATH...` first")]
    NoDatabase(String),
    /// The database could not be opened or read.
    #[error("cannot open the database {path}: {source}")]
    Store {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: StoreError,
    },
    /// Listening or serving failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A failed request: a status and a message, answered as `{"error": message}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    pub(crate) fn unavailable(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        if let StoreError::InvalidFilter(msg) = &e {
            return ApiError::bad_request(msg.clone());
        }
        tracing::warn!(error = %e, "store error");
        ApiError::unavailable(format!("the database cannot be read: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

/// The JSON body of an error with this status (for the layers that answer on their own).
pub(crate) fn json_error(status: StatusCode, message: &str) -> Response {
    ApiError {
        status,
        message: message.to_string(),
    }
    .into_response()
}
