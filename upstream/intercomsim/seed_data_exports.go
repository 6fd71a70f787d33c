package intercomsim

import (
	"strconv"

	"intercom-graphql/upstream"
)

// dataExportRecord is a message data export job. Creating a job adds a
// pending record for the range asked; the job then moves on to in_progress
// and one of completed, no_data or failed, or is canceled.
type dataExportRecord struct {
	seq             int64
	jobIdentifier   string
	status          string
	createdAtAfter  upstream.Timestamp // the range of message data asked for
	createdAtBefore upstream.Timestamp
	requestedAt     upstream.Timestamp
	finishedAt      *upstream.Timestamp // when it completed, failed or was canceled
	// polled marks a job created through the API: it moves on one stage each
	// time its status is read (pending, in_progress, completed), so a client
	// polling it sees it finish.
	polled bool
}

// dataExportRetention is how long a completed job's data can be downloaded.
const dataExportRetention = 2 * 86400

// dataExports seeds past jobs in every final state and one pending job
// (Intercom runs at most one active job per workspace).
func (s *seeder) dataExports() {
	ws := s.ws
	ws.dataExportByID = map[string]*dataExportRecord{}
	for _, status := range []string{"completed", "no_data", "canceled", "failed", "completed", "pending"} {
		requested := s.daysBefore(30)
		from := requested - upstream.Timestamp(86400*(7+s.rng.Int64N(60)))
		rec := &dataExportRecord{seq: ws.nextSeq(), jobIdentifier: s.jobIdentifier(), status: status,
			createdAtAfter: from, createdAtBefore: requested, requestedAt: requested}
		if status != "pending" {
			done := s.after(requested, 3600)
			rec.finishedAt = &done
		}
		ws.dataExports = append(ws.dataExports, rec)
		ws.dataExportByID[rec.jobIdentifier] = rec
	}
}

// jobIdentifier makes a 16-character job identifier like Intercom's.
func (s *seeder) jobIdentifier() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 16)
	for i := range b {
		b[i] = alphabet[s.rng.IntN(len(alphabet))]
	}
	return string(b)
}

// renderDataExport shows a job; only a completed one has a download link.
func renderDataExport(rec *dataExportRecord, downloadBase string) *upstream.DataExport {
	out := &upstream.DataExport{JobIdentifier: rec.jobIdentifier, Status: rec.status}
	if rec.status == "completed" && rec.finishedAt != nil {
		out.DownloadURL = downloadBase + "/download/content/data/" + rec.jobIdentifier
		out.DownloadExpiresAt = strconv.FormatInt(int64(*rec.finishedAt)+dataExportRetention, 10)
	}
	return out
}

// DataExportJobs lists the identifier and status of every export job.
func (ws *Workspace) DataExportJobs() map[string]string {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	out := map[string]string{}
	for _, rec := range ws.dataExports {
		out[rec.jobIdentifier] = rec.status
	}
	return out
}
