package upstream

import (
	"context"
	"net/http"
)

// DataExportsService follows the jobs that export message data.
type DataExportsService service

// Get reports a job's status and, once it completed, where to download its
// data (getDataExport). The download itself (downloadDataExport) is a
// gzipped CSV stream for whoever holds the token, not JSON, so the client
// hands out its URL rather than reading it.
func (s *DataExportsService) Get(ctx context.Context, jobIdentifier string) (*DataExport, error) {
	return fetch[DataExport](ctx, s.client, call{operation: "getDataExport", method: http.MethodGet, template: "/export/content/data/{job_identifier}",
		ids: []string{jobIdentifier}, idempotent: true})
}

// Create starts an export job (createDataExport). Intercom runs one active
// job per workspace and refuses another with a 429 that leaves the rate
// budget alone (Error.BudgetLeft). Never retried: a retry after a lost answer
// would meet the first job.
func (s *DataExportsService) Create(ctx context.Context, req DataExportRequest) (*DataExport, error) {
	return fetch[DataExport](ctx, s.client, call{operation: "createDataExport", method: http.MethodPost, template: "/export/content/data",
		body: req, write: true})
}

// Cancel stops a job that has not finished (cancelDataExport). Retried:
// canceling a canceled job changes nothing.
func (s *DataExportsService) Cancel(ctx context.Context, jobIdentifier string) (*DataExport, error) {
	return fetch[DataExport](ctx, s.client, call{operation: "cancelDataExport", method: http.MethodPost, template: "/export/cancel/{job_identifier}",
		ids: []string{jobIdentifier}, idempotent: true, write: true, invalidates: []string{"download"}})
}
