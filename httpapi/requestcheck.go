package httpapi

import (
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/rs/cors"

	"intercom-graphql/graph/errcode"
)

// preflightHeaders are headers a browser cannot send cross-site without a
// CORS preflight, which the CORS policy answers: their presence proves the
// request is not a forgery. GraphQL-Require-Preflight is ours; the Apollo
// ones are those Apollo clients send.
var preflightHeaders = []string{"GraphQL-Require-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"}

// checkGraphQLRequest refuses, before authentication and before the request
// counts against any rate budget, what /graphql cannot serve: a method
// other than GET, POST and OPTIONS, a POST body that is not JSON, an Accept
// header that takes neither JSON media type, and a request another site's
// page made a browser send without a preflight (cross-site request forgery:
// the page cannot read the answer, but the query would still run and spend
// the workspace's budget).
func checkGraphQLRequest(policy *cors.Cors, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPost:
		case http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			writeGraphQLError(w, http.StatusMethodNotAllowed, errcode.BadUserInput,
				fmt.Sprintf("/graphql answers GET, POST and OPTIONS, not %s", r.Method), nil)
			return
		}
		if r.Method == http.MethodPost {
			if problem := jsonBodyProblem(r.Header.Get("Content-Type")); problem != "" {
				writeGraphQLError(w, http.StatusUnsupportedMediaType, errcode.BadUserInput, problem, nil)
				return
			}
		}
		if _, ok := negotiateMedia(r.Header.Get("Accept")); !ok {
			writeGraphQLError(w, http.StatusNotAcceptable, errcode.BadUserInput,
				"the Accept header takes none of application/graphql-response+json, application/json and, for a query with @defer, multipart/mixed", nil)
			return
		}
		if crossSiteWithoutPreflight(r, policy) {
			writeGraphQLError(w, http.StatusForbidden, errcode.Forbidden,
				"a cross-site request without a CORS preflight was refused as a possible forgery: send Content-Type: application/json, or a GraphQL-Require-Preflight header, from an allowed origin",
				map[string]any{"reason": "CSRF"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// jsonBodyProblem says what is wrong with a POST's Content-Type, or "".
func jsonBodyProblem(contentType string) string {
	if contentType == "" {
		return "the request has no Content-Type: send the body as application/json"
	}
	media, params, err := mime.ParseMediaType(contentType)
	switch {
	case err != nil || media != mediaJSON:
		return "the request body must be sent as Content-Type: application/json"
	case params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8"):
		return "the request body must be encoded as UTF-8"
	}
	return ""
}

// crossSiteWithoutPreflight reports a request a browser sent from another
// site's page without a preflight: the Fetch Metadata header says so (every
// current browser sends it, also for image and form requests), or, for older
// browsers, an Origin that is neither this server's nor an allowed one.
// Requests of non-browser clients carry neither and pass.
func crossSiteWithoutPreflight(r *http.Request, policy *cors.Cors) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" && !isSimpleContentType(ct) {
		return false
	}
	for _, h := range preflightHeaders {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	origin := r.Header.Get("Origin")
	if origin != "" && (sameOrigin(r, origin) || policy.OriginAllowed(r)) {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	return origin != ""
}

// isSimpleContentType reports a type a cross-site form or fetch may send
// without a preflight.
func isSimpleContentType(contentType string) bool {
	media, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return true // unreadable: treat as the browser would, without a preflight
	}
	switch media {
	case "text/plain", "application/x-www-form-urlencoded", "multipart/form-data":
		return true
	}
	return false
}
