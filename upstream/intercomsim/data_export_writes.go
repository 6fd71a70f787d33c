package intercomsim

import (
	"net/http"

	"intercom-graphql/upstream"
)

// jobIdentifierAlphabet is what Intercom's export job identifiers are made of.
const jobIdentifierAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// createDataExport serves POST /export/content/data: both ends of the range
// are required, in order. A workspace runs one active job: Intercom refuses
// a second with a 429 that is not about the rate budget.
func createDataExport(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	var b struct {
		CreatedAtAfter  *upstream.Timestamp `json:"created_at_after"`
		CreatedAtBefore *upstream.Timestamp `json:"created_at_before"`
	}
	if !readBody(w, r, &b) {
		return
	}
	switch {
	case b.CreatedAtAfter == nil:
		missing(w, r, "created_at_after")
		return
	case b.CreatedAtBefore == nil:
		missing(w, r, "created_at_before")
		return
	case *b.CreatedAtAfter > *b.CreatedAtBefore:
		badRequest(w, r, "bad_request", "created_at_after is greater than created_at_before", "created_at_after")
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, rec := range ws.dataExports {
		if rec.status == "pending" || rec.status == "in_progress" {
			writeError(w, requestIDFrom(r), http.StatusTooManyRequests, "rate_limit_exceeded",
				"Exceeded rate limit of 1 pending message data export jobs", "")
			return
		}
	}
	writeJSON(w, http.StatusOK, renderDataExport(ws.applyCreateDataExport(*b.CreatedAtAfter, *b.CreatedAtBefore), scheme(r)+"://"+r.Host))
}

// applyCreateDataExport starts a pending job for the range.
func (ws *Workspace) applyCreateDataExport(after, before upstream.Timestamp) *dataExportRecord {
	rec := &dataExportRecord{seq: ws.nextSeq(), status: "pending", createdAtAfter: after, createdAtBefore: before,
		requestedAt: ws.nowStamp(), polled: true}
	for n := rec.seq; rec.jobIdentifier == "" || ws.dataExportByID[rec.jobIdentifier] != nil; n++ {
		rec.jobIdentifier = jobIdentifierFor(n)
	}
	ws.dataExports = append(ws.dataExports, rec)
	ws.dataExportByID[rec.jobIdentifier] = rec
	return rec
}

// jobIdentifierFor spells a number as a 16-character job identifier.
func jobIdentifierFor(n int64) string {
	b := make([]byte, 16)
	x := uint64(n)*0x9e3779b97f4a7c15 + 0x5a17
	for i := range b {
		b[i] = jobIdentifierAlphabet[x%uint64(len(jobIdentifierAlphabet))]
		x = x/uint64(len(jobIdentifierAlphabet)) ^ uint64(i+1)*0xbf58476d1ce4e5b9
	}
	return string(b)
}

// advanceExport moves a job created through the API one stage on.
func (ws *Workspace) advanceExport(rec *dataExportRecord) {
	if !rec.polled {
		return
	}
	switch rec.status {
	case "pending":
		rec.status = "in_progress"
	case "in_progress":
		rec.status, rec.finishedAt = "completed", ptr(ws.nowStamp())
	}
}

// cancelDataExport serves POST /export/cancel/{job_identifier}: a job that
// has not finished is canceled; canceling a canceled job changes nothing; a
// finished job cannot be canceled.
func cancelDataExport(w http.ResponseWriter, r *http.Request) {
	ws := workspaceFrom(r)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	rec, ok := ws.dataExportByID[r.PathValue("job_identifier")]
	if !ok {
		notFound(w, r, "Export job")
		return
	}
	switch rec.status {
	case "completed", "failed", "no_data":
		invalid(w, r, "job_identifier", "the job has already finished (%s)", rec.status)
		return
	}
	writeJSON(w, http.StatusOK, renderDataExport(ws.applyCancelDataExport(rec), scheme(r)+"://"+r.Host))
}

func (ws *Workspace) applyCancelDataExport(rec *dataExportRecord) *dataExportRecord {
	if rec.status != "canceled" {
		rec.status, rec.finishedAt = "canceled", ptr(ws.nowStamp())
	}
	return rec
}
