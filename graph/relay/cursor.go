package relay

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
)

// cursorVersion prefixes every cursor payload; a change of layout bumps it so
// old cursors are refused clearly instead of misread.
const cursorVersion = "c1"

const macLength = 12

// maxCursorPosition bounds offsets and skips far beyond any Intercom list, so
// the arithmetic on them cannot overflow even for a cursor signed with a key
// that leaked (the demo key is derived from an empty token).
const maxCursorPosition = 1 << 30

// Cursor errors, phrased for the client that sent the cursor.
var (
	ErrInvalidCursor     = errors.New("the cursor is not one this API issued (it may be corrupted or forged)")
	ErrForeignCursor     = errors.New("the cursor belongs to another connection or another filter; cursors only work on the connection that issued them")
	ErrUnsupportedCursor = errors.New("the cursor was issued by an older version of this API; start again from the first page")
)

// Position is what a cursor remembers: where an edge sits in its connection
// and how to resume the upstream list right after it.
type Position struct {
	// Conn names the connection (and its arguments) that issued the cursor.
	Conn string `json:"c"`
	// Offset is the edge's zero-based index in the whole list.
	Offset int `json:"o"`
	// Token is Intercom's starting_after (or scroll_param) to fetch from when
	// resuming after this edge; empty for offset-addressed styles.
	Token string `json:"t,omitempty"`
	// Skip is how many items fetched from Token precede the next edge.
	Skip int `json:"k,omitempty"`
}

// Codec signs and verifies cursors. Signing turns a hand-edited cursor into a
// clear error rather than a request Intercom would answer oddly.
type Codec struct{ key []byte }

// NewCodec builds a codec with a secret key; replicas that share the key
// accept each other's cursors.
func NewCodec(key []byte) Codec { return Codec{key: bytes.Clone(key)} }

// Encode makes the opaque cursor for a position.
func (c Codec) Encode(p Position) string {
	payload, _ := json.Marshal(p)
	raw := append([]byte(cursorVersion), payload...)
	return base64.RawURLEncoding.EncodeToString(append(raw, c.mac(raw)...))
}

// Decode checks a cursor's signature and that it belongs to connection conn.
func (c Codec) Decode(cursor, conn string) (Position, error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	// Non-canonical spellings (a newline, or spare bits in the last character)
	// decode to the same bytes; refusing them makes every edited character an
	// error, as the signature promises.
	if err != nil || len(raw) <= macLength+len(cursorVersion) || base64.RawURLEncoding.EncodeToString(raw) != cursor {
		return Position{}, ErrInvalidCursor
	}
	body, mac := raw[:len(raw)-macLength], raw[len(raw)-macLength:]
	if !hmac.Equal(mac, c.mac(body)) {
		return Position{}, ErrInvalidCursor
	}
	if string(body[:len(cursorVersion)]) != cursorVersion {
		return Position{}, ErrUnsupportedCursor
	}
	var p Position
	dec := json.NewDecoder(bytes.NewReader(body[len(cursorVersion):]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil || !atEOF(dec) || !validPosition(p) {
		return Position{}, ErrInvalidCursor
	}
	if p.Conn != conn {
		return Position{}, ErrForeignCursor
	}
	return p, nil
}

// atEOF reports whether nothing but whitespace follows the decoded value.
func atEOF(dec *json.Decoder) bool {
	_, err := dec.Token()
	return err == io.EOF
}

func validPosition(p Position) bool {
	return p.Offset >= 0 && p.Offset <= maxCursorPosition && p.Skip >= 0 && p.Skip <= maxCursorPosition
}

func (c Codec) mac(b []byte) []byte {
	h := hmac.New(sha256.New, c.key)
	h.Write(b)
	return h.Sum(nil)[:macLength]
}
