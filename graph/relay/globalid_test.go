package relay

import (
	"encoding/base64"
	"errors"
	"net/url"
	"path"
	"strings"
	"testing"
)

func TestGlobalIDRoundTrip(t *testing.T) {
	tests := []struct {
		name, typ, id string
	}{
		{"hex contact id", "Contact", "6329bd9ffe4e8c8b9e3d2b6a"},
		{"numeric admin id", "Admin", "991267460"},
		{"single digit", "Team", "7"},
		{"conversation id", "Conversation", "147"},
		{"email-like id", "Contact", "jane.doe+test@example.com"},
		{"dotted id", "Article", "v1.2.3"},
		{"dashes and underscores", "Company", "acme-corp_2024"},
		{"three dots are not a dot segment", "Tag", "..."},
		{"colon inside the id", "DataAttribute", "custom_attributes:plan"},
		{"type with digits", "Type2", "x"},
		{"every printable safe character", "Segment", "!\"$&'()*+,-.:;<=>@[]^_`{|}~aZ09"},
		{"longest id", "Contact", strings.Repeat("a", maxIntercomIDLength)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NodeID(tc.typ, tc.id)
			if strings.ContainsAny(s, "+/=") {
				t.Fatalf("NodeID(%q, %q) = %q, not URL-safe unpadded base64", tc.typ, tc.id, s)
			}
			g, err := ParseGlobalID(s)
			if err != nil {
				t.Fatalf("ParseGlobalID(%q): %v", s, err)
			}
			if g != (GlobalID{Type: tc.typ, ID: tc.id}) {
				t.Fatalf("ParseGlobalID(%q) = %+v, want {%s %s}", s, g, tc.typ, tc.id)
			}
			id, err := ParseGlobalIDOf(s, tc.typ)
			if err != nil || id != tc.id {
				t.Fatalf("ParseGlobalIDOf(%q, %q) = %q, %v; want %q", s, tc.typ, id, err, tc.id)
			}
			if !ValidIntercomID(tc.id) {
				t.Fatalf("ValidIntercomID(%q) = false", tc.id)
			}
		})
	}
}

func TestGlobalIDStable(t *testing.T) {
	// Clients store IDs, so the encoding of a given node must never change.
	if got, want := NodeID("Contact", "6329bd9f"), "Q29udGFjdDo2MzI5YmQ5Zg"; got != want {
		t.Fatalf("NodeID = %q, want %q", got, want)
	}
}

func TestParseGlobalIDRejects(t *testing.T) {
	enc := func(raw string) string { return base64.RawURLEncoding.EncodeToString([]byte(raw)) }
	valid := NodeID("Contact", "abc")
	tests := []struct {
		name, input string
	}{
		{"empty", ""},
		{"not base64", "Contact:abc"},
		{"standard base64 alphabet", base64.RawStdEncoding.EncodeToString([]byte("Contact:a?>"))},
		{"padded base64", enc("Contact:abcd") + "=="},
		{"impossible length", "Q"},
		{"spare bits set in the last character", flipSpareBit(valid)},
		{"newline inside", valid[:4] + "\n" + valid[4:]},
		{"carriage return at the end", valid + "\r"},
		{"surrounding spaces", " " + valid + " "},
		{"missing colon", enc("Contact")},
		{"empty type", enc(":abc")},
		{"lowercase type", enc("contact:abc")},
		{"type with underscore", enc("Contact_X:abc")},
		{"type with space", enc("Con tact:abc")},
		{"type too long", enc(strings.Repeat("A", 65) + ":abc")},
		{"empty id", enc("Contact:")},
		{"id with slash", enc("Contact:../admins")},
		{"id with question mark", enc("Contact:abc?x=1")},
		{"id with hash", enc("Contact:abc#top")},
		{"id with percent", enc("Contact:%2e%2e")},
		{"id with backslash", enc(`Contact:a\b`)},
		{"id with space", enc("Contact:a b")},
		{"id with tab", enc("Contact:a\tb")},
		{"id with newline", enc("Contact:a\nb")},
		{"id with NUL", enc("Contact:a\x00b")},
		{"id with DEL", enc("Contact:a\x7fb")},
		{"id with non-ASCII", enc("Contact:café")},
		{"id with invalid UTF-8", enc("Contact:a\xffb")},
		{"id is a dot segment", enc("Contact:.")},
		{"id is a parent segment", enc("Contact:..")},
		{"id too long", enc("Contact:" + strings.Repeat("a", maxIntercomIDLength+1))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseGlobalID(tc.input)
			if !errors.Is(err, ErrMalformedID) {
				t.Fatalf("ParseGlobalID(%q) = %+v, %v; want ErrMalformedID", tc.input, g, err)
			}
			if _, err := ParseGlobalIDOf(tc.input, "Contact"); !errors.Is(err, ErrMalformedID) {
				t.Fatalf("ParseGlobalIDOf(%q) error = %v; want ErrMalformedID", tc.input, err)
			}
		})
	}
}

// flipSpareBit sets the lowest bit of the last character of unpadded base64
// whose length is not a multiple of 4: a bit the decoder ignores.
func flipSpareBit(s string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	if len(s)%4 == 0 {
		panic("no spare bits in " + s)
	}
	i := strings.IndexByte(alphabet, s[len(s)-1])
	return s[:len(s)-1] + string(alphabet[i^1])
}

func TestParseGlobalIDOfWrongType(t *testing.T) {
	id, err := ParseGlobalIDOf(NodeID("Company", "42"), "Contact")
	if err == nil || id != "" {
		t.Fatalf("ParseGlobalIDOf(Company ID, Contact) = %q, %v; want an error", id, err)
	}
	if errors.Is(err, ErrMalformedID) {
		t.Fatalf("a well-formed ID of another type is not malformed: %v", err)
	}
	if want := "the ID is a Company ID, a Contact ID is expected here"; err.Error() != want {
		t.Fatalf("error = %q, want %q", err, want)
	}
}

func TestValidIntercomID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"6329bd9ffe4e8c8b9e3d2b6a", true},
		{"123", true},
		{"a.b", true},
		{"", false},
		{".", false},
		{"..", false},
		{"a/b", false},
		{"a b", false},
		{"ü", false},
	}
	for _, tc := range tests {
		if got := ValidIntercomID(tc.id); got != tc.want {
			t.Errorf("ValidIntercomID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func FuzzParseGlobalID(f *testing.F) {
	f.Add(NodeID("Contact", "6329bd9ffe4e8c8b9e3d2b6a"))
	f.Add(NodeID("Admin", "991267460"))
	f.Add(NodeID("Contact", "jane.doe+test@example.com"))
	f.Add(NodeID("Contact", ".."))
	f.Add(NodeID("contact", "1"))
	f.Add(NodeID("Contact", "a/b"))
	f.Add("Q29udGFjdDoxMjM")
	f.Add("Q29udGFjdDoxMjM=")
	f.Add("Q29udGFj\ndDoxMjM")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGlobalID(s)
		if err != nil {
			if !errors.Is(err, ErrMalformedID) {
				t.Fatalf("ParseGlobalID(%q) error %v is not ErrMalformedID", s, err)
			}
			return
		}
		if got := g.String(); got != s {
			t.Fatalf("ParseGlobalID(%q) = %+v, which encodes to %q: not canonical", s, g, got)
		}
		if !validTypeName(g.Type) {
			t.Fatalf("accepted type %q", g.Type)
		}
		assertPathSafe(t, g.ID)
		if id, err := ParseGlobalIDOf(s, g.Type); err != nil || id != g.ID {
			t.Fatalf("ParseGlobalIDOf(%q, %q) = %q, %v", s, g.Type, id, err)
		}
	})
}

// assertPathSafe checks that an accepted id, escaped as the upstream client
// escapes path ids, stays one segment of the path it is put in.
func assertPathSafe(t *testing.T, id string) {
	t.Helper()
	if id == "" || len(id) > maxIntercomIDLength {
		t.Fatalf("accepted id of length %d", len(id))
	}
	if i := strings.IndexFunc(id, func(r rune) bool { return r <= ' ' || r > '~' }); i >= 0 {
		t.Fatalf("accepted id %q with a control, space or non-ASCII character at %d", id, i)
	}
	if strings.ContainsAny(id, `/?#%\`) {
		t.Fatalf("accepted id %q with a URL delimiter", id)
	}
	p := "/contacts/" + url.PathEscape(id)
	if path.Clean(p) != p {
		t.Fatalf("accepted id %q turns %q into %q", id, p, path.Clean(p))
	}
	u, err := url.Parse("https://api.intercom.io" + p + "/tags")
	if err != nil || u.RawQuery != "" || u.Fragment != "" || path.Dir(path.Dir(u.Path)) != "/contacts" || path.Base(path.Dir(u.Path)) != id {
		t.Fatalf("accepted id %q does not stay one path segment: %v %v", id, u, err)
	}
}

func TestWrongTypeMessagesUseTheRightArticle(t *testing.T) {
	for id, want := range map[string]string{
		NodeID("Admin", "7"):   "the ID is an Admin ID, a Contact ID is expected here",
		NodeID("Company", "7"): "the ID is a Company ID, a Contact ID is expected here",
	} {
		if _, err := ParseGlobalIDOf(id, "Contact"); err == nil || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	}
	if _, err := ParseGlobalIDOf(NodeID("Team", "7"), "Article"); err == nil || err.Error() != "the ID is a Team ID, an Article ID is expected here" {
		t.Errorf("got %v", err)
	}
}

func TestJoinedIDsSplitBackAndRefuseWhatJoinIDsNeverWrites(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"a part of a conversation", []string{"2400000000", "30000001"}},
		{"an option of an attribute, by GUID", []string{"411", "0d3c1b4e-7a8b-4c5d-9e0f-112233445566"}},
		{"the last id may hold a colon", []string{"411", "legacy:7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SplitIDs(JoinIDs(tc.ids...), len(tc.ids))
			if err != nil || strings.Join(got, "|") != strings.Join(tc.ids, "|") {
				t.Fatalf("SplitIDs(JoinIDs(%q)) = %q, %v", tc.ids, got, err)
			}
		})
	}
	for _, bad := range []string{"2400000000", ":30000001", "2400000000:", "24 00:1", "..:1", "1:..", "1:a/b"} {
		if got, err := SplitIDs(bad, 2); !errors.Is(err, ErrMalformedID) {
			t.Errorf("SplitIDs(%q, 2) = %q, %v; want ErrMalformedID", bad, got, err)
		}
	}
}
