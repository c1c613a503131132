//! Parquet: the [`Row`] columns through arrow arrays, one row group at a time.

use std::io::Write;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use sitrep_store::{Filter, Store};

use crate::row::{Flattener, Row, COLUMNS};
use crate::{each_event, now, ExportError, Summary};

/// Rows per Parquet row group (and per batch held in memory).
pub const PARQUET_ROW_GROUP: usize = 65_536;

/// The arrow type of each of [`COLUMNS`], and whether it may be null.
fn column_type(name: &str) -> (DataType, bool) {
    match name {
        "event_id_cnty" | "notes" | "doc_ids" => (DataType::Utf8, false),
        "event_date" => (DataType::Date32, true),
        "year" | "time_precision" | "geo_precision" | "fatalities" | "iso" | "fatalities_low"
        | "fatalities_high" | "injuries_best" | "injuries_low" | "injuries_high" => {
            (DataType::Int64, true)
        }
        "timestamp" | "reports" => (DataType::Int64, false),
        "latitude" | "longitude" => (DataType::Float64, true),
        "contested" => (DataType::Boolean, false),
        _ => (DataType::Utf8, true),
    }
}

/// The schema of the Parquet file: [`COLUMNS`], typed.
fn schema() -> SchemaRef {
    Arc::new(Schema::new(
        COLUMNS
            .iter()
            .map(|name| {
                let (kind, nullable) = column_type(name);
                Field::new(*name, kind, nullable)
            })
            .collect::<Vec<_>>(),
    ))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` day.
fn days(date: &str) -> Option<i32> {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(day.signed_duration_since(epoch).num_days()).ok()
}

/// One column of `rows`.
fn column(rows: &[Row], name: &str) -> ArrayRef {
    let text = |f: fn(&Row) -> Option<&str>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<StringArray>())
    };
    let int = |f: fn(&Row) -> Option<i64>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<Int64Array>())
    };
    let float = |f: fn(&Row) -> Option<f64>| -> ArrayRef {
        Arc::new(rows.iter().map(f).collect::<Float64Array>())
    };
    match name {
        "event_id_cnty" => text(|r| Some(&r.event_id_cnty)),
        "event_date" => Arc::new(
            rows.iter()
                .map(|r| r.event_date.as_deref().and_then(days))
                .collect::<Date32Array>(),
        ),
        "year" => int(|r| r.year),
        "time_precision" => int(|r| r.time_precision),
        "event_type" => text(|r| r.event_type.as_deref()),
        "sub_event_type" => text(|r| r.sub_event_type.as_deref()),
        "actor1" => text(|r| r.actor1.as_deref()),
        "assoc_actor_1" => text(|r| r.assoc_actor_1.as_deref()),
        "actor2" => text(|r| r.actor2.as_deref()),
        "assoc_actor_2" => text(|r| r.assoc_actor_2.as_deref()),
        "country" => text(|r| r.country.as_deref()),
        "admin1" => text(|r| r.admin1.as_deref()),
        "location" => text(|r| r.location.as_deref()),
        "latitude" => float(|r| r.latitude),
        "longitude" => float(|r| r.longitude),
        "geo_precision" => int(|r| r.geo_precision),
        "source" => text(|r| r.source.as_deref()),
        "notes" => text(|r| Some(&r.notes)),
        "fatalities" => int(|r| r.fatalities),
        "iso" => int(|r| r.iso),
        "timestamp" => int(|r| Some(r.timestamp)),
        "fatalities_low" => int(|r| r.fatalities_low),
        "fatalities_high" => int(|r| r.fatalities_high),
        "injuries_best" => int(|r| r.injuries_best),
        "injuries_low" => int(|r| r.injuries_low),
        "injuries_high" => int(|r| r.injuries_high),
        "contested" => Arc::new(
            rows.iter()
                .map(|r| Some(r.contested))
                .collect::<BooleanArray>(),
        ),
        "contested_kinds" => text(|r| r.contested_kinds.as_deref()),
        "reports" => int(|r| Some(r.reports)),
        "doc_ids" => text(|r| Some(&r.doc_ids)),
        "country_code" => text(|r| r.country_code.as_deref()),
        // Every name of COLUMNS is matched above (the tests write every column).
        _ => Arc::new(rows.iter().map(|_| None::<&str>).collect::<StringArray>()),
    }
}

fn batch(schema: &SchemaRef, rows: &[Row]) -> Result<RecordBatch, ExportError> {
    let columns = COLUMNS.iter().map(|name| column(rows, name)).collect();
    Ok(RecordBatch::try_new(Arc::clone(schema), columns)?)
}

/// Write the events that pass `filter` as a Parquet file (columns [`COLUMNS`], typed; see the
/// crate docs). The file is complete only when this returns `Ok`.
pub fn write_parquet<W: Write + Send>(
    store: &Store,
    filter: &Filter,
    out: W,
) -> Result<Summary, ExportError> {
    let schema = schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(PARQUET_ROW_GROUP))
        .set_created_by(format!("sitrep {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = ArrowWriter::try_new(out, Arc::clone(&schema), Some(props))?;
    let mut flat = Flattener::new(now());
    let mut rows: Vec<Row> = Vec::with_capacity(PARQUET_ROW_GROUP.min(4096));
    let mut summary = Summary::default();
    each_event(store, filter, |event| {
        rows.push(flat.row(&event));
        summary.written += 1;
        if rows.len() >= PARQUET_ROW_GROUP {
            writer.write(&batch(&schema, &rows)?)?;
            rows.clear();
        }
        Ok(())
    })?;
    if !rows.is_empty() {
        writer.write(&batch(&schema, &rows)?)?;
    }
    // Closing writes the footer; the sink below may buffer, so flush it too.
    writer.into_inner()?.flush()?;
    Ok(summary)
}
