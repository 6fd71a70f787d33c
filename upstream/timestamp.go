package upstream

import "time"

// Timestamp is Intercom's wire form of a moment: UNIX seconds.
type Timestamp int64

// Time converts the timestamp to a UTC time.
func (t Timestamp) Time() time.Time { return time.Unix(int64(t), 0).UTC() }

// TimestampOf converts a time to Intercom's wire form, dropping sub-second precision.
func TimestampOf(t time.Time) Timestamp { return Timestamp(t.Unix()) }
