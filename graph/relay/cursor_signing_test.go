package relay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"testing"
)

// Replicas of different releases serve one client during a rollout: a cursor
// is spelled, byte for byte, as a JSON payload signed with HMAC-SHA-256, the
// way earlier releases spelled it, whatever the strings it carries.
func TestCursorsAreSpelledAsJSONSignedWithHMAC(t *testing.T) {
	key := []byte("a key")
	reference := func(p Position) string {
		payload, _ := json.Marshal(p)
		raw := append([]byte(cursorVersion), payload...)
		mac := hmac.New(sha256.New, key)
		mac.Write(raw)
		return base64.RawURLEncoding.EncodeToString(append(raw, mac.Sum(nil)[:macLength]...))
	}
	codec := NewCodec(key)
	for _, p := range []Position{
		{Conn: "contacts", Offset: 0},
		{Conn: "Contact.companies:6571", Offset: 49, Token: "WzE3MDAwMDAwMDAsIjY1NzEiXQ", Skip: 3},
		{Conn: `quote " backslash \ angle <> amp &`, Offset: 7, Token: "é\n\u2028"},
		{Conn: "", Offset: maxCursorPosition, Skip: maxCursorPosition},
	} {
		got := codec.Encode(p)
		if want := reference(p); got != want {
			t.Errorf("%+v: cursor %q, want %q", p, got, want)
		}
		if back, err := codec.Decode(got, p.Conn); err != nil || back != p {
			t.Errorf("%+v: decoded %+v, %v", p, back, err)
		}
	}
	var zero Codec // a codec built without NewCodec signs alike
	zero.key = key
	if got, want := zero.Encode(Position{Conn: "tags", Offset: 2}), reference(Position{Conn: "tags", Offset: 2}); got != want {
		t.Errorf("codec without its pool: %q, want %q", got, want)
	}
}
