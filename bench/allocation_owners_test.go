//go:build load

package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestLoadAllocationOwners counts, exactly, who allocates what while an
// in-process facade answers the inbox and list-50 queries one at a time, so
// the allocation bound can be checked against what each part of the stack
// costs by itself:
//
//	go test -tags load ./bench -run TestLoadAllocationOwners -v
//
// Every allocation is recorded (the memory profile's rate is set to 1) and
// charged to the first frame of its stack outside the runtime and the
// standard library's helpers: gqlgen's executor (its library and our
// generated code), decoding, dataloader, our own packages, and the rest.
// The test's client lives in this process too: what it allocates on its own
// stacks (through package bench) is counted apart and left out of the
// facade's; net/http's connection goroutines, which look alike for it and for
// the facade's upstream client, stay with the rest (a few per query).
func TestLoadAllocationOwners(t *testing.T) {
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	runtime.MemProfileRate = 1 // every allocation recorded: counts, not samples
	sim := startSimulator(t, buildServer(t), 0)
	defer sim.stop()
	specs := []loadSpec{
		{name: "inbox", query: queryFile(t, "inbox.graphql"), variables: inboxVariables()},
		{name: "list-50, cache off", query: queryFile(t, "list_contacts.graphql"), setup: facadeSetup{cacheOff: true}},
	}
	const queries = 40
	for _, spec := range specs {
		facade := startInProcessFacade(t, sim, spec.setup)
		post := queryPoster(t, facade.url, spec)
		for range 5 { // the query cache, the connections and the reference lists
			post()
		}
		before := allocationRecords()
		var answer []byte
		for range queries {
			answer = post()
		}
		after := allocationRecords()
		fields, objects := answerShape(t, answer)
		owners, sites := chargeAllocations(before, after)
		printOwners(spec.name, queries, owners, sites)
		fmt.Printf("  the answer: %d bytes, %d fields in %d objects; the executor's allocations per field: %.1f\n",
			len(answer), fields, objects, float64(owners[ownerExecutor])/queries/float64(fields))
	}
}

// queryPoster returns a function that sends spec's query once and fails the
// test on any error; it returns the answer.
func queryPoster(t *testing.T, url string, spec loadSpec) func() []byte {
	body, _ := json.Marshal(map[string]any{"query": spec.query, "variables": spec.variables})
	return func() []byte {
		answer, failure := postQuery(http.DefaultClient, url, body)
		if failure != "" {
			t.Fatalf("%s: %s", spec.name, failure)
		}
		return answer
	}
}

// answerShape counts the fields (every key, __typename's and the lists'
// included) and the objects of an answer's data: the executor resolves each
// field and marshals each object.
func answerShape(t *testing.T, answer []byte) (fields, objects int) {
	var body struct{ Data any }
	if err := json.Unmarshal(answer, &body); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			objects++
			fields += len(v)
			for _, child := range v {
				walk(child)
			}
		case []any:
			for _, child := range v {
				walk(child)
			}
		}
	}
	walk(body.Data)
	return fields, objects
}

// allocationRecords is the memory profile's cumulative allocation count per
// stack. The profile is published as of the last completed collection, so
// one is run first: what was allocated until now is in it.
func allocationRecords() map[[32]uintptr]int64 {
	runtime.GC()
	var records []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, true)
	for {
		records = make([]runtime.MemProfileRecord, n+256)
		var ok bool
		if n, ok = runtime.MemProfile(records, true); ok {
			records = records[:n]
			break
		}
	}
	out := make(map[[32]uintptr]int64, len(records))
	for _, r := range records {
		out[r.Stack0] += r.AllocObjects
	}
	return out
}

// The owners an allocation is charged to.
const (
	ownerExecutor   = "gqlgen executor (library and generated code)"
	ownerDecode     = "decoding Intercom's answers"
	ownerDataloader = "dataloader"
	ownerOurs       = "our own packages"
	ownerRest       = "net/http, gqlparser and the rest"
	ownerClient     = "the load's client (not the facade's)"
)

// helperFrame reports frames that allocate on behalf of their caller, which
// is charged instead.
func helperFrame(fn string) bool {
	for _, p := range []string{"runtime.", "internal/", "context.", "reflect.", "sync.", "iter.", "slices.", "maps.",
		"strconv.", "strings.", "bytes.", "errors.", "fmt.", "sort.", "unicode", "math", "unique.", "weak.", "time.", "io.", "bufio."} {
		if strings.HasPrefix(fn, p) {
			return true
		}
	}
	return false
}

func ownerOf(frames []string) (owner, site string) {
	for _, fn := range frames {
		if strings.HasPrefix(fn, "intercom-graphql/bench.") {
			return ownerClient, fn
		}
	}
	site = frames[0]
	for _, fn := range frames {
		if !helperFrame(fn) {
			site = fn
			break
		}
	}
	switch {
	case strings.HasPrefix(site, "github.com/99designs/gqlgen/"), strings.HasPrefix(site, "intercom-graphql/graph/generated."):
		return ownerExecutor, site
	case strings.HasPrefix(site, "github.com/goccy/go-json/"), strings.HasPrefix(site, "encoding/json."):
		return ownerDecode, site
	case strings.HasPrefix(site, "github.com/graph-gophers/dataloader/"):
		return ownerDataloader, site
	case strings.HasPrefix(site, "intercom-graphql/"):
		return ownerOurs, site
	}
	return ownerRest, site
}

// chargeAllocations charges what the records grew by between two snapshots
// to their owners, and to the sites (first frames outside the helpers).
func chargeAllocations(before, after map[[32]uintptr]int64) (owners, sites map[string]int64) {
	owners, sites = map[string]int64{}, map[string]int64{}
	for stack, count := range after {
		grew := count - before[stack]
		if grew <= 0 {
			continue
		}
		var frames []string
		pcs := stack[:]
		if i := slices.Index(pcs, 0); i >= 0 {
			pcs = pcs[:i]
		}
		it := runtime.CallersFrames(pcs)
		for {
			f, more := it.Next()
			frames = append(frames, f.Function)
			if !more {
				break
			}
		}
		owner, site := ownerOf(frames)
		owners[owner] += grew
		sites[owner+"\x00"+site] += grew
	}
	return owners, sites
}

func printOwners(name string, queries int, owners, sites map[string]int64) {
	facade := int64(0)
	for owner, n := range owners {
		if owner != ownerClient {
			facade += n
		}
	}
	per := func(n int64) float64 { return float64(n) / float64(queries) }
	fmt.Printf("\n%s: %.0f allocations per query in the facade (%d queries, one at a time)\n", name, per(facade), queries)
	for _, owner := range []string{ownerExecutor, ownerDecode, ownerDataloader, ownerOurs, ownerRest} {
		fmt.Printf("  %-48s %9.0f  %5.1f %%\n", owner, per(owners[owner]), 100*float64(owners[owner])/float64(facade))
	}
	fmt.Printf("  %-48s %9.0f\n", ownerClient, per(owners[ownerClient]))
	type site struct {
		owner, fn string
		n         int64
	}
	var top []site
	for key, n := range sites {
		owner, fn, _ := strings.Cut(key, "\x00")
		if owner != ownerClient && owner != ownerExecutor {
			top = append(top, site{owner, fn, n})
		}
	}
	slices.SortFunc(top, func(a, b site) int { return cmp.Compare(b.n, a.n) })
	fmt.Printf("  outside the executor, the largest sites:\n")
	for _, s := range top[:min(len(top), 15)] {
		fmt.Printf("    %-80s %7.0f  (%s)\n", s.fn, per(s.n), s.owner)
	}
}
