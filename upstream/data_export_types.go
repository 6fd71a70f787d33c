package upstream

// DataExport is a job exporting message delivery and engagement data.
type DataExport struct {
	// JobIdentfier is the identifier as the spec spells it; Intercom's
	// answers (and the spec's own examples) carry JobIdentifier instead.
	JobIdentfier  string `json:"job_identfier,omitempty"`
	JobIdentifier string `json:"job_identifier,omitempty"`
	// Status is pending, in_progress, failed, completed, no_data or canceled.
	Status string `json:"status"`
	// DownloadExpiresAt is a UNIX time in a string, "" until the job completes.
	DownloadExpiresAt string `json:"download_expires_at"`
	// DownloadURL is where a completed job's gzipped CSV is served (with the
	// workspace's token), "" until then.
	DownloadURL string `json:"download_url"`
}

// Identifier is the job's identifier, whichever spelling Intercom used.
func (e *DataExport) Identifier() string {
	if e.JobIdentifier != "" {
		return e.JobIdentifier
	}
	return e.JobIdentfier
}

// DataExportRequest is the body of POST /export/content/data: the range of
// sending times to export, in UNIX seconds, both ends included.
type DataExportRequest struct {
	CreatedAtAfter  Timestamp `json:"created_at_after"`
	CreatedAtBefore Timestamp `json:"created_at_before"`
}
