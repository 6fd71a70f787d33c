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
	var out DataExport
	err := s.client.do(ctx, call{operation: "getDataExport", method: http.MethodGet, template: "/export/content/data/{job_identifier}",
		path: pathf("/export/content/data/%s", jobIdentifier), idempotent: true}, &out)
	return &out, err
}
