// Package relay holds the graph's Relay conventions as pure logic: opaque
// global IDs, opaque versioned cursors, and the mapping of Relay connection
// arguments onto Intercom's pagination styles.
package relay

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// maxIntercomIDLength bounds the Intercom id inside a global ID; real ids are
// at most a few dozen characters.
const maxIntercomIDLength = 128

// ErrMalformedID is returned for a global ID this graph did not issue.
var ErrMalformedID = errors.New("not a valid global ID")

// GlobalID is a decoded node ID: the GraphQL type and the Intercom id.
type GlobalID struct {
	Type string
	ID   string
}

// String encodes the ID: unpadded base64url of "Type:intercomId", opaque to
// clients but stable, so they can store it.
func (g GlobalID) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(g.Type + ":" + g.ID))
}

// NodeID encodes the global ID of an object of type typ.
func NodeID(typ, intercomID string) string { return GlobalID{Type: typ, ID: intercomID}.String() }

// ParseGlobalID decodes a global ID and checks its shape; whether the type
// exists in the schema is for the caller to decide.
func ParseGlobalID(s string) (GlobalID, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	// The decoder skips newlines and ignores the spare bits of the last
	// character, so several strings decode alike; only the canonical one is an
	// ID we issued, and clients may compare IDs as strings.
	if err != nil || base64.RawURLEncoding.EncodeToString(raw) != s {
		return GlobalID{}, ErrMalformedID
	}
	typ, id, ok := strings.Cut(string(raw), ":")
	if !ok || !validTypeName(typ) || !validIntercomID(id) {
		return GlobalID{}, ErrMalformedID
	}
	return GlobalID{Type: typ, ID: id}, nil
}

// JoinIDs is the Intercom part of the global ID of an object Intercom serves
// only through another one, such as a conversation part through its
// conversation: the ids that lead to it, outermost first.
func JoinIDs(ids ...string) string { return strings.Join(ids, ":") }

// SplitIDs reads what JoinIDs wrote for n ids: each must be a valid Intercom
// id. The last takes the rest of the string, so only the ids before it must
// be free of ':' (Intercom's conversation, ticket and attribute ids are numbers).
func SplitIDs(id string, n int) ([]string, error) {
	ids := strings.SplitN(id, ":", n)
	if len(ids) != n {
		return nil, ErrMalformedID
	}
	for _, part := range ids {
		if !validIntercomID(part) {
			return nil, ErrMalformedID
		}
	}
	return ids, nil
}

// ParseGlobalIDOf decodes a global ID that must name an object of type want.
func ParseGlobalIDOf(s, want string) (string, error) {
	g, err := ParseGlobalID(s)
	if err != nil {
		return "", err
	}
	if g.Type != want {
		return "", fmt.Errorf("the ID is %s ID, %s ID is expected here", WithArticle(g.Type), WithArticle(want))
	}
	return g.ID, nil
}

func validTypeName(s string) bool {
	if s == "" || len(s) > 64 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// validIntercomID accepts printable ASCII without spaces: every id Intercom
// issues, and nothing that could smuggle a path or a query into a URL. Path
// escaping leaves dots alone, so "." and ".." are refused here: as a path
// segment they would name another endpoint.
func validIntercomID(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > maxIntercomIDLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c > '~' || c == '/' || c == '?' || c == '#' || c == '%' || c == '\\' {
			return false
		}
	}
	return true
}

// ValidIntercomID reports whether s can be an Intercom id (for arguments that
// take the raw id rather than a global ID).
func ValidIntercomID(s string) bool { return validIntercomID(s) }

// WithArticle puts "a" or "an" before a type name, as its sound asks: an
// Admin, an Article, a Contact. It is not named Article: gqlgen's autobind
// would take an exported Article of this package for the GraphQL type.
func WithArticle(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}
