package upstream

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"
)

// SharedBudget counts the calls every replica using one token makes in a
// rate-limit window, so that replicas pace themselves as one app.
type SharedBudget interface {
	// Spend records one call under key, unless the count has reached limit,
	// and returns the count with this call: above limit when it was refused
	// (and not recorded). A recorded count expires at expireAt. atLeast is
	// how many calls the caller knows the window had seen before this one
	// (from Intercom's own count), and the calls counted under unseen (when
	// it is not empty) are added to it: the shared count never stays below
	// that, so calls no replica counted in the window are not forgotten.
	Spend(ctx context.Context, key string, atLeast int64, unseen string, limit int64, expireAt time.Time) (int64, error)
}

// RateBudgetError means the facade held a call back because Intercom's
// budget for the current window is spent and the window refills later than
// the client is willing to wait.
type RateBudgetError struct {
	Operation string
	ResetAt   time.Time
}

func (e *RateBudgetError) Error() string {
	return fmt.Sprintf("intercom %s: rate budget spent until %s", e.Operation, e.ResetAt.UTC().Format(time.RFC3339))
}

// pacer spends Intercom's rate budget deliberately. It keeps a conservative
// count of the calls left in the current window (Intercom's headers, minus
// what was sent since), spreads the last tenth of a window's calls evenly
// over the time that remains, and holds calls back until the window refills
// rather than meeting 429s.
type pacer struct {
	shared  SharedBudget
	scope   string // the workspace digest, so replicas of one token share a count
	maxWait time.Duration

	mu         sync.Mutex
	known      bool // an answer has told the window's size
	limit      int
	remaining  int
	reset      time.Time
	resetKnown bool          // false after a refill until the new window's reset is known
	windowLen  time.Duration // learned from consecutive resets; 0 until then
	blind      int           // calls sent before any answer described the budget
	inFlight   int           // calls sent and not yet answered
	slowest    time.Duration // the slowest recent attempt, decaying: how late a call may reach Intercom
}

// lowWater: below a tenth of a window's budget, calls are spread out.
const lowWater = 10

// pollWhileUnknown is how long a call waits while another call's answer is
// about to describe the window.
const pollWhileUnknown = 50 * time.Millisecond

// coldBurst is how many calls may go out before any answer has told the
// budget: a dashboard's first query is not held back, and no budget Intercom
// grants (1,666 calls a window by default) is at risk from so few.
const coldBurst = 16

// wait blocks until a call may be sent, or fails with *RateBudgetError.
func (p *pacer) wait(ctx context.Context, operation string) error {
	for {
		delay, resetAt := p.reserve(ctx)
		if delay == 0 {
			return nil
		}
		if delay > p.maxWait {
			return &RateBudgetError{Operation: operation, ResetAt: resetAt}
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}

// reserve takes one call from the budget and returns zero, or says how long
// to wait before asking again (and when the window resets).
func (p *pacer) reserve(ctx context.Context) (time.Duration, time.Time) {
	p.mu.Lock()
	now := time.Now()
	if p.resetKnown && !now.Before(p.reset) {
		// The window refilled. Windows follow each other at a fixed length, so
		// once that length is known the new window's reset is too; until then
		// the budget is full and the first answer will say when it resets.
		// Calls still in flight may land in the new window: count them there.
		p.remaining = p.limit - p.inFlight
		if p.windowLen > 0 {
			for !now.Before(p.reset) {
				p.reset = p.reset.Add(p.windowLen)
			}
		} else {
			p.resetKnown = false
		}
	}
	if !p.resetKnown {
		return p.reserveBlind(ctx)
	}
	if p.remaining <= 0 {
		resetAt := p.reset
		p.mu.Unlock()
		return time.Until(resetAt) + jitter(), resetAt
	}
	var spacing time.Duration
	if p.remaining*lowWater < p.limit {
		// Low on budget: spread what is left over what remains of the window.
		spacing = time.Until(p.reset) / time.Duration(p.remaining+1)
	}
	used := p.limit - p.remaining
	p.remaining--
	p.inFlight++
	reset, limit := p.reset, p.limit
	var nextReset time.Time
	if p.windowLen > 0 && time.Until(p.reset) < p.straddleMargin() {
		nextReset = p.reset.Add(p.windowLen)
	}
	p.mu.Unlock()
	if p.shared != nil {
		count, err := p.shared.Spend(ctx, p.windowKey(reset), int64(used), p.unseenKey(), int64(limit), reset.Add(time.Second))
		// An unreachable shared budget must not stop reads: pace on local knowledge then.
		if err == nil {
			p.mu.Lock()
			if p.reset.Equal(reset) {
				p.remaining = min(p.remaining, limit-int(count))
			}
			if int(count) > limit {
				// Other replicas spent the window; this call is not sent
				// (nor counted) and waits for the next one.
				p.inFlight--
				p.mu.Unlock()
				return time.Until(reset) + jitter(), reset
			}
			p.mu.Unlock()
		}
		if !nextReset.IsZero() {
			// A call sent this close to the reset may reach Intercom in the
			// next window. A replica counts its own such calls there (they
			// are in flight when its window refills); the others cannot see
			// them, so the call is counted in the next window's shared count
			// too. A call that arrives in time costs the next window one call.
			_, _ = p.shared.Spend(ctx, p.windowKey(nextReset), 0, "", math.MaxInt32, nextReset.Add(time.Second))
		}
	}
	if spacing > time.Millisecond {
		// The call is reserved; sleeping here keeps it from leaving early.
		timer := time.NewTimer(spacing)
		defer timer.Stop()
		select {
		case <-ctx.Done():
		case <-timer.C:
		}
	}
	return 0, reset
}

// reserveBlind takes a call from a budget whose window's reset is not known:
// before any answer has described the budget, or after a refill until an
// answer says when the new window resets. It is called with p.mu held and
// releases it.
func (p *pacer) reserveBlind(ctx context.Context) (time.Duration, time.Time) {
	var giveBack func()
	switch {
	case !p.known && p.blind < coldBurst:
		// A few calls may go before the first answer tells the budget; more
		// would be a blind burst.
		p.blind++
		giveBack = func() { p.blind-- }
	case p.known && p.remaining > 0:
		p.remaining--
		giveBack = func() { p.remaining++ }
	case p.known && p.inFlight == 0:
		// The window refilled and no answer is coming to say when it
		// resets: one call goes to ask.
		giveBack = func() {}
	default:
		// An answer in flight will tell the budget, or when the window resets.
		p.mu.Unlock()
		return pollWhileUnknown, time.Time{}
	}
	p.inFlight++
	p.mu.Unlock()
	if p.spendUnseen(ctx) {
		return 0, time.Time{}
	}
	// Other replicas are sending blind too; this call waits its turn.
	p.mu.Lock()
	giveBack()
	p.inFlight--
	p.mu.Unlock()
	return pollWhileUnknown, time.Time{}
}

// windowKey names a window's shared count: the workspace and its reset.
// The braces keep a workspace's keys in one Redis Cluster slot, as a spend
// reads two of them at once.
func (p *pacer) windowKey(reset time.Time) string {
	return "icg:rl:{" + p.scope + "}:" + strconv.FormatInt(reset.Unix(), 10)
}

// unseenKey names the shared count of calls sent without knowing their
// window: a replica's first calls, and those sent after a refill before an
// answer says when the new window resets.
func (p *pacer) unseenKey() string { return "icg:rl:{" + p.scope + "}:unseen" }

// unseenMemory is how long a call sent without knowing its window is added
// to every replica's count: long enough for it to have reached Intercom and
// its answer to have taught its replica the window's count.
const unseenMemory = time.Second

// spendUnseen counts a call about to be sent without knowing its window, so
// that the other replicas count it in theirs while it may still be on its
// way (their counts may then hold it twice, once Intercom's answers include
// it: a few calls of budget, for never overrunning the window). It reports
// whether the call may go: replicas together send no more than a cold burst
// of such calls at a time, as one replica alone would.
func (p *pacer) spendUnseen(ctx context.Context) bool {
	if p.shared == nil {
		return true
	}
	count, err := p.shared.Spend(ctx, p.unseenKey(), 0, "", coldBurst, time.Now().Add(unseenMemory))
	return err != nil || count <= coldBurst
}

// minStraddle is the least margin before a reset within which a call may
// reach Intercom after it, however fast recent answers were.
const minStraddle = 50 * time.Millisecond

// straddleMargin is how close to a reset a call may be sent and still reach
// Intercom after it: the slowest recent attempt, within a quarter of the
// window. Callers hold p.mu.
func (p *pacer) straddleMargin() time.Duration {
	return min(max(p.slowest, minStraddle), p.windowLen/4)
}

// settle records that an attempt, which took the given time, is over, and
// frees the slot of a blind call whose answer carried no budget (a failed
// attempt), so another may go in its place.
func (p *pacer) settle(took time.Duration) {
	p.mu.Lock()
	// The slowest attempt decays by a sixteenth per answer, so one stall
	// does not widen the margin for long.
	p.slowest = max(took, p.slowest-p.slowest/16)
	if !p.known && p.blind > 0 {
		p.blind--
	}
	if p.inFlight > 0 {
		p.inFlight--
	}
	p.mu.Unlock()
}

// observe updates the budget from what an answer reported.
func (p *pacer) observe(r Rate) {
	if r.Limit <= 0 {
		return
	}
	limit, remaining, resetAt := r.Limit, r.Remaining, r.Reset
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case !p.known || resetAt.After(p.reset):
		if p.known && !p.reset.IsZero() {
			if gap := resetAt.Sub(p.reset); gap > 0 && gap < time.Hour {
				p.windowLen = gap
			}
		}
		// The answer counts the calls Intercom had received; the others still
		// in flight will count too.
		p.known, p.resetKnown = true, true
		p.limit, p.remaining, p.reset = limit, remaining-max(p.inFlight-1, 0), resetAt
	case resetAt.Equal(p.reset):
		// Answers arrive out of order; the lowest count is the freshest.
		p.limit, p.remaining, p.resetKnown = limit, min(p.remaining, remaining), true
	}
}

// available is the pacer's estimate of the calls left in the current window
// and when it resets; ok is false until an answer has described a window.
func (p *pacer) available() (calls int, resetAt time.Time, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.known || !p.resetKnown || !time.Now().Before(p.reset) {
		return p.limit, p.reset, false
	}
	return p.remaining, p.reset, true
}

// jitter spreads the calls of replicas that all waited for the same reset.
func jitter() time.Duration { return time.Duration(rand.Int64N(int64(50 * time.Millisecond))) }
