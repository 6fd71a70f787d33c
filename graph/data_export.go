package graph

import (
	"errors"
	"strconv"

	"intercom-graphql/upstream"
)

// exportExpiry reads download_expires_at: UNIX seconds in a string, "" until
// the job completes.
func exportExpiry(raw string) (*upstream.Timestamp, error) {
	if raw == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, errors.New("intercom sent a download expiry that is not a UNIX time: " + raw)
	}
	ts := upstream.Timestamp(n)
	return &ts, nil
}
