package relay

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"strconv"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
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
type Codec struct {
	key  []byte
	macs *sync.Pool // of hash.Hash keyed with key
	// shown is which cursors the pages built with this codec spell out.
	shown shownCursors
}

// NewCodec builds a codec with a secret key; replicas that share the key
// accept each other's cursors.
func NewCodec(key []byte) Codec {
	return Codec{key: bytes.Clone(key), macs: macPoolFor(key)}
}

// macPools keeps the keyed HMAC states of the keys in use: a page signs a
// cursor per item, and a fresh HMAC costs two SHA-256 states and their pads.
// Codecs are built per connection, so the states outlive them, per key.
var macPools, _ = lru.New[string, *sync.Pool](1024)

func macPoolFor(key []byte) *sync.Pool {
	if pool, ok := macPools.Get(string(key)); ok {
		return pool
	}
	own := bytes.Clone(key)
	pool := &sync.Pool{New: func() any { return hmac.New(sha256.New, own) }}
	if existing, found, _ := macPools.PeekOrAdd(string(own), pool); found {
		return existing
	}
	return pool
}

// Encode makes the opaque cursor for a position.
func (c Codec) Encode(p Position) string {
	buf := encodeBuffers.Get().(*[]byte)
	raw := appendPosition(append((*buf)[:0], cursorVersion...), p)
	raw = c.appendMAC(raw, raw)
	cursor := base64.RawURLEncoding.EncodeToString(raw)
	*buf = raw
	encodeBuffers.Put(buf)
	return cursor
}

var encodeBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// appendPosition appends p as JSON, as json.Marshal writes it, without its
// reflection: strings of printable ASCII that JSON writes unescaped are
// copied; any other string takes json.Marshal's way.
func appendPosition(b []byte, p Position) []byte {
	if !plainJSON(p.Conn) || !plainJSON(p.Token) {
		payload, _ := json.Marshal(p)
		return append(b, payload...)
	}
	b = append(append(append(b, `{"c":"`...), p.Conn...), `","o":`...)
	b = strconv.AppendInt(b, int64(p.Offset), 10)
	if p.Token != "" {
		b = append(append(append(b, `,"t":"`...), p.Token...), '"')
	}
	if p.Skip != 0 {
		b = strconv.AppendInt(append(b, `,"k":`...), int64(p.Skip), 10)
	}
	return append(b, '}')
}

// plainJSON reports whether json.Marshal writes s as it is, between quotes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
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
	var sum [sha256.Size]byte
	if !hmac.Equal(mac, c.appendMAC(sum[:0], body)) {
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

// appendMAC appends the signature of b to dst.
func (c Codec) appendMAC(dst, b []byte) []byte {
	var h hash.Hash
	if c.macs != nil {
		h = c.macs.Get().(hash.Hash)
		defer c.macs.Put(h)
		h.Reset()
	} else {
		h = hmac.New(sha256.New, c.key) // a zero Codec
	}
	h.Write(b)
	var sum [sha256.Size]byte
	return append(dst, h.Sum(sum[:0])[:macLength]...)
}
