package bench

import (
	"testing"
	"time"

	"intercom-graphql/upstream/intercomsim"
)

// Each scenario costs exactly its hand-derived minimum of upstream calls on a
// cold cache, and only its non-reference calls once reference data is cached.
func TestScenariosCostTheirMinimum(t *testing.T) {
	// Round trips only show when each takes time. Two calls of one wave are
	// told apart from two waves by whether they overlap, so each call lasts
	// far longer than the facade may take between the calls of a wave: on a
	// busy CI machine under the race detector, decoding a page and
	// dispatching its batches has taken 100ms.
	coldStack, warmStack := newStack(t, cold, 250*time.Millisecond), newStack(t, warm, 0)
	ws := coldStack.Sim.Workspace("sim-demo-token")
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var vars map[string]any
			if sc.variables != nil {
				vars = sc.variables(ws)
			}
			query := sc.query(t)
			got := coldStack.run(t, query, vars)
			minCold, reference := sc.minimum(got.data)
			if got.calls != minCold {
				t.Errorf("cold: %d upstream calls, the minimum is %d", got.calls, minCold)
				logSpans(t, got.spans)
			}
			if want := sc.rounds(t); got.rounds != want {
				t.Errorf("cold: %d rounds on the critical path, want the %d its comment states", got.rounds, want)
				logSpans(t, got.spans)
			}
			warmStack.run(t, query, vars) // fills the cache
			if again := warmStack.run(t, query, vars); again.calls != minCold-reference {
				t.Errorf("warm: %d upstream calls, want %d (the minimum without its %d reference reads)", again.calls, minCold-reference, reference)
				logSpans(t, again.spans)
			}
		})
	}
}

// logSpans lists the calls a query made, for a count that differs from its minimum.
func logSpans(t *testing.T, spans []intercomsim.CallSpan) {
	for _, sp := range spans {
		t.Logf("%v +%v %s %s", sp.Start.Format("15:04:05.000000"), sp.End.Sub(sp.Start).Round(time.Microsecond), sp.Method, sp.Path)
	}
}
