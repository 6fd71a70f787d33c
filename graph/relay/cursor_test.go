package relay

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

var testKey = []byte("relay test key")

// signRaw builds a cursor the way Codec does (HMAC-SHA256 truncated to 12
// bytes after the body, unpadded base64url) from an arbitrary body, so tests
// can reach the checks that come after the signature.
func signRaw(key []byte, body string) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(append([]byte(body), h.Sum(nil)[:12]...))
}

func TestCodecRoundTrip(t *testing.T) {
	codec := NewCodec(testKey)
	tests := []struct {
		name string
		pos  Position
	}{
		{"first edge", Position{Conn: "admins", Offset: 0}},
		{"offset only", Position{Conn: "teams", Offset: 41}},
		{"token and skip", Position{Conn: "contacts", Offset: 149, Token: "WzE3MTk4NzY1NDMwMDAsIjY2N2EiXQ==", Skip: 3}},
		{"token without skip", Position{Conn: "conversations", Offset: 7, Token: "abc"}},
		{"connection key with arguments", Position{Conn: `Conversation.parts|{"id":"123"}`, Offset: 2}},
		{"characters JSON escapes", Position{Conn: "<&>\u2028\"\\", Offset: 1, Token: "<script>"}},
		{"largest offset", Position{Conn: "c", Offset: maxCursorPosition, Skip: maxCursorPosition}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cursor := codec.Encode(tc.pos)
			if strings.ContainsAny(cursor, "+/=") {
				t.Fatalf("cursor %q is not URL-safe unpadded base64", cursor)
			}
			got, err := codec.Decode(cursor, tc.pos.Conn)
			if err != nil {
				t.Fatalf("Decode(%q): %v", cursor, err)
			}
			if got != tc.pos {
				t.Fatalf("Decode = %+v, want %+v", got, tc.pos)
			}
			if again := codec.Encode(got); again != cursor {
				t.Fatalf("re-encoding gives %q, want %q", again, cursor)
			}
		})
	}
}

func TestCodecKeyIsCopied(t *testing.T) {
	key := []byte("mutable key")
	codec := NewCodec(key)
	cursor := codec.Encode(Position{Conn: "admins", Offset: 3})
	key[0] = 'X'
	if _, err := codec.Decode(cursor, "admins"); err != nil {
		t.Fatalf("changing the caller's key slice changed the codec: %v", err)
	}
}

func TestCodecRejectsEverySingleCharacterEdit(t *testing.T) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	codec := NewCodec(testKey)
	// Lengths with 0, 1 and 2 spare bytes, so edits of the last character
	// that touch only spare bits are exercised too.
	for _, pos := range []Position{
		{Conn: "contacts", Offset: 12, Token: "tok", Skip: 1},
		{Conn: "contacts", Offset: 12, Token: "tok2", Skip: 1},
		{Conn: "contacts", Offset: 12, Token: "tok23", Skip: 1},
	} {
		cursor := codec.Encode(pos)
		for i := range len(cursor) {
			for _, c := range alphabet + "+/=.\n \x00é" {
				edited := cursor[:i] + string(c) + cursor[i+1:]
				if edited == cursor {
					continue
				}
				if p, err := codec.Decode(edited, pos.Conn); !errors.Is(err, ErrInvalidCursor) {
					t.Fatalf("cursor %q with byte %d replaced by %q: Decode = %+v, %v; want ErrInvalidCursor", cursor, i, c, p, err)
				}
			}
		}
		for i := range len(cursor) + 1 {
			for _, c := range "A_\n\r" {
				edited := cursor[:i] + string(c) + cursor[i:]
				if _, err := codec.Decode(edited, pos.Conn); !errors.Is(err, ErrInvalidCursor) {
					t.Fatalf("cursor %q with %q inserted at %d: Decode error = %v; want ErrInvalidCursor", cursor, c, i, err)
				}
			}
			if i < len(cursor) {
				if _, err := codec.Decode(cursor[:i]+cursor[i+1:], pos.Conn); !errors.Is(err, ErrInvalidCursor) {
					t.Fatalf("cursor %q without byte %d: Decode error = %v; want ErrInvalidCursor", cursor, i, err)
				}
			}
		}
	}
}

func TestCodecDecodeErrors(t *testing.T) {
	codec := NewCodec(testKey)
	good := codec.Encode(Position{Conn: "contacts", Offset: 4})
	tests := []struct {
		name   string
		cursor string
		conn   string
		want   error
	}{
		{"empty", "", "contacts", ErrInvalidCursor},
		{"not base64", "not a cursor!", "contacts", ErrInvalidCursor},
		{"padded", good + "=", "contacts", ErrInvalidCursor},
		{"too short to hold a signature", base64.RawURLEncoding.EncodeToString([]byte("c1{}")), "contacts", ErrInvalidCursor},
		{"signature alone", signRaw(testKey, "")[:16], "contacts", ErrInvalidCursor},
		{"signed with another key", NewCodec([]byte("another key")).Encode(Position{Conn: "contacts", Offset: 4}), "contacts", ErrInvalidCursor},
		{"signed with an empty key", NewCodec(nil).Encode(Position{Conn: "contacts", Offset: 4}), "contacts", ErrInvalidCursor},
		{"another connection", good, "conversations", ErrForeignCursor},
		{"connection differing in case", good, "Contacts", ErrForeignCursor},
		{"next version", signRaw(testKey, `c2{"c":"contacts","o":4}`), "contacts", ErrUnsupportedCursor},
		{"older version", signRaw(testKey, `c0{"c":"contacts","o":4}`), "contacts", ErrUnsupportedCursor},
		{"no version", signRaw(testKey, `{"c":"contacts","o":4}`), "contacts", ErrUnsupportedCursor},
		{"negative offset", signRaw(testKey, `c1{"c":"contacts","o":-1}`), "contacts", ErrInvalidCursor},
		{"negative skip", signRaw(testKey, `c1{"c":"contacts","o":1,"t":"x","k":-2}`), "contacts", ErrInvalidCursor},
		{"offset beyond any list", signRaw(testKey, `c1{"c":"contacts","o":9223372036854775807}`), "contacts", ErrInvalidCursor},
		{"skip beyond any page", signRaw(testKey, `c1{"c":"contacts","o":0,"k":1073741825}`), "contacts", ErrInvalidCursor},
		{"offset overflowing int", signRaw(testKey, `c1{"c":"contacts","o":99999999999999999999}`), "contacts", ErrInvalidCursor},
		{"fractional offset", signRaw(testKey, `c1{"c":"contacts","o":1.5}`), "contacts", ErrInvalidCursor},
		{"unknown field", signRaw(testKey, `c1{"c":"contacts","o":4,"x":1}`), "contacts", ErrInvalidCursor},
		{"trailing value", signRaw(testKey, `c1{"c":"contacts","o":4}{"c":"contacts","o":9}`), "contacts", ErrInvalidCursor},
		{"trailing bracket", signRaw(testKey, `c1{"c":"contacts","o":4}}`), "contacts", ErrInvalidCursor},
		{"not an object", signRaw(testKey, `c1[1,2]`), "contacts", ErrInvalidCursor},
		{"not JSON", signRaw(testKey, `c1offset=4`), "contacts", ErrInvalidCursor},
		{"wrong field type", signRaw(testKey, `c1{"c":5,"o":4}`), "contacts", ErrInvalidCursor},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := codec.Decode(tc.cursor, tc.conn)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode(%q, %q) = %+v, %v; want %v", tc.cursor, tc.conn, p, err, tc.want)
			}
			if p != (Position{}) {
				t.Fatalf("Decode returned %+v alongside an error", p)
			}
		})
	}
}

func TestCodecAcceptsHandBuiltPayload(t *testing.T) {
	// signRaw must build cursors the way Codec does, or the error cases above
	// would pass for the wrong reason.
	codec := NewCodec(testKey)
	want := Position{Conn: "contacts", Offset: 4, Token: "x", Skip: 2}
	cursor := signRaw(testKey, `c1{"c":"contacts","o":4,"t":"x","k":2}`)
	if cursor != codec.Encode(want) {
		t.Fatalf("hand-built cursor %q differs from Encode's %q", cursor, codec.Encode(want))
	}
	if got, err := codec.Decode(cursor, "contacts"); err != nil || got != want {
		t.Fatalf("Decode = %+v, %v; want %+v", got, err, want)
	}
}

func FuzzCodecDecode(f *testing.F) {
	codec := NewCodec(testKey)
	for _, p := range []Position{
		{Conn: "contacts", Offset: 0},
		{Conn: "contacts", Offset: 149, Token: "tok", Skip: 3},
		{Conn: "admins", Offset: 5},
	} {
		f.Add(codec.Encode(p), "contacts", false)
	}
	f.Add(`c1{"c":"contacts","o":4}`, "contacts", true)
	f.Add(`c1{"c":"contacts","o":-4}`, "contacts", true)
	f.Add(`c2{"c":"contacts","o":4}`, "contacts", true)
	f.Add(`c1{"c":"contacts","o":4,"C":"admins"}`, "contacts", true)
	f.Add("", "", false)
	// sign turns the input into a signed body, so the fuzzer reaches the
	// version and JSON checks, which a forged signature never gets past.
	f.Fuzz(func(t *testing.T, input, conn string, sign bool) {
		cursor := input
		if sign {
			cursor = signRaw(testKey, input)
		}
		p, err := codec.Decode(cursor, conn)
		if err != nil {
			if !errors.Is(err, ErrInvalidCursor) && !errors.Is(err, ErrForeignCursor) && !errors.Is(err, ErrUnsupportedCursor) {
				t.Fatalf("Decode(%q) returned an unexpected error %v", cursor, err)
			}
			return
		}
		if p.Conn != conn || !validPosition(p) {
			t.Fatalf("Decode(%q, %q) accepted %+v", cursor, conn, p)
		}
		again, err := codec.Decode(codec.Encode(p), conn)
		if err != nil || again != p {
			t.Fatalf("position %+v re-encodes to a cursor that decodes to %+v, %v", p, again, err)
		}
	})
}
