package loaders

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"intercom-graphql/upstream"
)

// Intercom cannot fetch an activity by id, so an activity is named by its id
// and the second it happened ("id@unix"), and found in the log of that second.

// ActivityLogKey names an activity.
func ActivityLogKey(id string, at upstream.Timestamp) string {
	return id + "@" + strconv.FormatInt(int64(at), 10)
}

// ErrMalformedActivityLogKey is returned for a key ActivityLogKey did not make.
var ErrMalformedActivityLogKey = errors.New("not the key of an activity")

// ParseActivityLogKey reads a key ActivityLogKey made.
func ParseActivityLogKey(key string) (string, upstream.Timestamp, error) {
	i := strings.LastIndexByte(key, '@')
	if i <= 0 {
		return "", 0, ErrMalformedActivityLogKey
	}
	at, err := strconv.ParseInt(key[i+1:], 10, 64)
	if err != nil || at < 0 {
		return "", 0, ErrMalformedActivityLogKey
	}
	return key[:i], upstream.Timestamp(at), nil
}

// ActivityLogThunk starts loading the activity a key names and returns a
// function that waits for it.
func (l *Loaders) ActivityLogThunk(ctx context.Context, key string) func() (*upstream.ActivityLog, error) {
	return l.activityLogs.Load(ctx, key)
}

// maxActivityLogPages bounds the pages read to find one activity: a few
// seconds of one workspace's log never fill more.
const maxActivityLogPages = 4

func (l *Loaders) fetchActivityLog(ctx context.Context, key string) (*upstream.ActivityLog, error) {
	id, at, err := ParseActivityLogKey(key)
	if err != nil {
		return nil, err
	}
	// One second either side, whether Intercom's window includes its ends or not.
	before := at + 1
	opts := upstream.ActivityLogListOptions{CreatedAtAfter: max(at-1, 0), CreatedAtBefore: &before,
		CursorOptions: upstream.CursorOptions{PerPage: upstream.MaxPerPage}}
	for range maxActivityLogPages {
		list, err := l.client.ActivityLogs.List(ctx, opts)
		if err != nil {
			return nil, err
		}
		for _, a := range list.ActivityLogs {
			if a.ID == id {
				return a, nil
			}
		}
		if opts.StartingAfter = list.Pages.NextCursor(); opts.StartingAfter == "" {
			break
		}
	}
	return nil, &upstream.NotFoundError{Kind: "ActivityLog", ID: id}
}
