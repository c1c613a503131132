//! The routes and their handlers.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use sitrep_model::Document;
use sitrep_store::{Filter, FusedEvent, Page, Store};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::error::{json_error, ApiError};
use crate::params::{EventParams, EventQuery};
use crate::{assets, AppState};

/// The OpenAPI description of the routes below.
pub(crate) const OPENAPI: &str = include_str!("../openapi.json");

type ApiResult = Result<Json<Value>, ApiError>;

pub(crate) fn routes(state: AppState) -> Router {
    let max_body = state.config.max_body;
    let timeout = state.config.timeout;
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/timeline", get(timeline))
        .route("/api/documents", get(documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/extract", post(extract))
        // The same, at the path the issue named.
        .route("/extract", post(extract))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        // A backstop behind the handlers' own deadlines.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout + Duration::from_secs(1),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            json_error(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        }))
        .with_state(state)
}

async fn not_found() -> Response {
    json_error(StatusCode::NOT_FOUND, "no such route; see /api/openapi.json")
}

async fn method_not_allowed() -> Response {
    json_error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed on this route; see /api/openapi.json",
    )
}

/// A query string that does not parse is the client's error, said in JSON.
fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t)
        .map_err(|e| ApiError::bad_request(format!("bad query string: {}", e.body_text())))
}

/// Run a database read under the request deadline.
async fn read<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    match tokio::time::timeout(state.config.timeout, state.db.with(f)).await {
        Ok(r) => r,
        Err(_) => Err(ApiError::unavailable("the query took too long")),
    }
}

async fn health(State(state): State<AppState>) -> ApiResult {
    let counts = read(&state, |store| Ok(store.counts()?)).await?;
    Ok(Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "counts": counts,
    })))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// The event without its claims (what lists show).
fn summary(event: &FusedEvent) -> Value {
    let mut v = serde_json::to_value(event).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        obj.remove("claims");
    }
    v
}

fn store_filter(q: &EventQuery) -> Filter {
    Filter {
        from: q.from.clone(),
        to: q.to.clone(),
        country: q.country.clone(),
        min_fatalities: q.min_fatalities,
        bbox: q.bbox,
        near: None,
        actor: q.actor.clone(),
        event_type: q.event_type.clone(),
        text: q.text.clone(),
    }
}

fn store_page(q: &EventQuery) -> Page {
    Page {
        sort: q.sort,
        limit: Some(q.limit),
        offset: q.offset,
    }
}

async fn events(
    State(state): State<AppState>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> ApiResult {
    let q = query(params)?.check(state.config.max_page)?;
    let page = read(&state, move |store| {
        let page = store.events_page(&store_filter(&q), &store_page(&q), false)?;
        let events: Vec<Value> = page.events.iter().map(summary).collect();
        Ok(json!({ "total": page.total, "limit": q.limit, "offset": q.offset, "events": events }))
    })
    .await?;
    Ok(Json(page))
}

async fn event(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let detail = read(&state, move |store| {
        let e = store
            .event(&id)?
            .ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))?;
        serde_json::to_value(&e)
            .map_err(|e| ApiError::unavailable(format!("cannot encode the event: {e}")))
    })
    .await?;
    Ok(Json(detail))
}

async fn timeline(
    State(state): State<AppState>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> ApiResult {
    let q = query(params)?.check(state.config.max_page)?;
    let v = read(&state, move |store| {
        let t = store.timeline(&store_filter(&q))?;
        serde_json::to_value(&t)
            .map_err(|e| ApiError::unavailable(format!("cannot encode the timeline: {e}")))
    })
    .await?;
    Ok(Json(v))
}

/// `limit` / `offset` of the document list.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageParams {
    limit: Option<u64>,
    offset: Option<u64>,
}

async fn documents(
    State(state): State<AppState>,
    params: Result<Query<PageParams>, QueryRejection>,
) -> ApiResult {
    let p = query(params)?;
    let limit = p.limit.unwrap_or(100);
    if limit == 0 || limit > state.config.max_page {
        return Err(ApiError::bad_request(format!(
            "`limit` must be between 1 and {}",
            state.config.max_page
        )));
    }
    let offset = p.offset.unwrap_or(0);
    let v = read(&state, move |store| {
        let page = store.documents(limit, offset)?;
        Ok(json!({ "total": page.total, "limit": limit, "offset": offset, "documents": page.documents }))
    })
    .await?;
    Ok(Json(v))
}

async fn document(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let v = read(&state, move |store| {
        let d = store
            .document(&id)?
            .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
        serde_json::to_value(&d)
            .map_err(|e| ApiError::unavailable(format!("cannot encode the document: {e}")))
    })
    .await?;
    Ok(Json(v))
}

/// The body of `POST /api/extract` in JSON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractBody {
    text: String,
    title: Option<String>,
    published: Option<String>,
}

async fn extract(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body = body.map_err(|e| ApiError {
        status: e.status(),
        message: if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            format!("the report is larger than {} bytes", state.config.max_body)
        } else {
            format!("cannot read the body: {}", e.body_text())
        },
    })?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    let mut doc = if is_json {
        let b: ExtractBody = serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("bad JSON body: {e}")))?;
        let mut doc = Document::from_text("pasted", b.text);
        doc.title = b.title.filter(|t| !t.trim().is_empty());
        doc.published = b.published.filter(|t| !t.trim().is_empty());
        doc
    } else {
        let text = String::from_utf8(body.to_vec())
            .map_err(|_| ApiError::bad_request("the report is not valid UTF-8"))?;
        Document::from_text("pasted", text)
    };
    doc.origin = "POST /api/extract".into();
    if doc.text.trim().is_empty() {
        return Err(ApiError::bad_request("the report is empty"));
    }
    let extractor = state.extractor.clone();
    let task = tokio::task::spawn_blocking(move || {
        let result = extractor(&doc);
        (result, doc.text)
    });
    let (result, text) = match tokio::time::timeout(state.config.timeout, task).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => {
            return Err(ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                message: "the report could not be processed".into(),
            })
        }
        Err(_) => return Err(ApiError::unavailable("the extraction took too long")),
    };
    let mut v = serde_json::to_value(&result)
        .map_err(|e| ApiError::unavailable(format!("cannot encode the result: {e}")))?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert("text".into(), Value::String(text));
    }
    Ok(Json(v))
}
