package loaders

import (
	"context"

	"intercom-graphql/upstream"
)

// DataExport loads an export job by its identifier.
func (l *Loaders) DataExport(ctx context.Context, jobIdentifier string) (*upstream.DataExport, error) {
	return l.dataExports.Load(ctx, jobIdentifier)()
}

// DataExportThunk starts loading an export job and returns a function that waits for it.
func (l *Loaders) DataExportThunk(ctx context.Context, jobIdentifier string) func() (*upstream.DataExport, error) {
	return l.dataExports.Load(ctx, jobIdentifier)
}
