//! Database access for the handlers: a small pool of read connections, used off the async
//! runtime's threads.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sitrep_store::{Store, StoreError};

use crate::error::{ApiError, ServeError};

/// Open stores, reused across requests (a SQLite connection is cheap but not free to open).
pub(crate) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    size: usize,
}

impl Pool {
    /// Open the database once (applying migrations) to fail early when it is missing or bad.
    pub(crate) fn open(path: &Path, size: usize) -> Result<Pool, ServeError> {
        if !path.is_file() {
            return Err(ServeError::NoDatabase(path.display().to_string()));
        }
        let store = Store::open(path).map_err(|source| ServeError::Store {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![store]),
            size: size.max(1),
        })
    }

    /// Run `f` with a store on a blocking thread.
    pub(crate) async fn with<T, F>(self: &std::sync::Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = std::sync::Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let out = f(&store);
            pool.give_back(store);
            out
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "database task failed");
            ApiError::unavailable("the request failed while reading the database")
        })?
    }

    fn take(&self) -> Result<Store, ApiError> {
        let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match reused {
            Some(store) => Ok(store),
            None => Store::open(&self.path).map_err(|e: StoreError| ApiError::from(e)),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < self.size {
                idle.push(store);
            }
        }
    }
}
