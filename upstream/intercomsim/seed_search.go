package intercomsim

import (
	"math"
	"math/rand/v2"
	"time"

	"intercom-graphql/upstream"
)

// ConversationExtras are a conversation's searchable attributes that the 2.10
// conversation model does not carry: the search description lists them, so
// the simulator keeps them beside the conversation and never renders them.
type ConversationExtras struct {
	// ChannelInitiated is the channel the conversation started on.
	ChannelInitiated string
	// AIAgentParticipated says whether the AI agent took part.
	AIAgentParticipated bool
	// AIAgent is how the AI agent's part went, when it took part.
	AIAgent *AIAgent
	// RatingRequestedAt is when the contact was asked for a rating, for rated conversations.
	RatingRequestedAt *upstream.Timestamp
}

// AIAgent is the AI agent's part in a conversation.
type AIAgent struct {
	ResolutionState string
	LastAnswerType  *string
	Rating          *int64
	RatingRemark    *string
	SourceType      string
	SourceTitle     string
}

// contactAttributeKinds are the contact data attributes the seeded
// workspace declares, by name, with their types: what
// custom_attributes.{name} can be searched with.
var contactAttributeKinds = map[string]searchKind{
	"plan":          kindString,
	"seats":         kindInteger,
	"beta_tester":   kindBoolean,
	"signup_source": kindString,
	"monthly_spend": kindFloat,
	"renewal_date":  kindDate,
}

var planPrices = map[string]float64{"free": 0, "starter": 9.5, "pro": 29, "enterprise": 99.99}

// seedSearchExtras adds what search reaches beyond the list seeders' data:
// float and date custom attributes on contacts, and the conversation
// attributes of ConversationExtras. It draws from its own generator, so the
// rest of the seeded data stays as it was.
func seedSearchExtras(ws *Workspace, seed int64) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5ea7c4))
	pick := func(list ...string) string { return list[rng.IntN(len(list))] }
	for _, rec := range ws.contacts {
		attrs := rec.contact.CustomAttributes
		plan, _ := attrs["plan"].(string)
		seats, _ := attrs["seats"].(int64)
		attrs["monthly_spend"] = math.Round(float64(seats)*planPrices[plan]*100) / 100
		if plan != "free" {
			attrs["renewal_date"] = int64(rec.contact.CreatedAt) + int64(365*24*time.Hour/time.Second)
		}
	}
	channels := map[string]string{"conversation": "messenger", "email": "email", "push": "push", "twitter": "twitter"}
	for _, rec := range ws.conversations {
		c := &rec.conversation
		x := ConversationExtras{ChannelInitiated: channels[c.Source.Type]}
		if rng.Float64() < 0.25 {
			x.AIAgentParticipated = true
			agent := &AIAgent{
				ResolutionState: pick("assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"),
				SourceType:      pick("essentials_plan_setup", "profile", "workflow", "workflow_preview", "fin_preview"),
				SourceTitle:     pick("Fin for support", "Billing answers", "Password help", "Plan upgrades"),
			}
			if rng.Float64() < 0.8 {
				agent.LastAnswerType = ptr(pick("ai_answer", "custom_answer"))
			}
			if rng.Float64() < 0.5 {
				agent.Rating = ptr(int64(1 + rng.IntN(5)))
				if rng.Float64() < 0.5 {
					agent.RatingRemark = ptr(pick("Solved it", "Not what I asked", "Quick and clear"))
				}
			}
			x.AIAgent = agent
		}
		if r := c.ConversationRating; r != nil {
			asked := r.CreatedAt - upstream.Timestamp(1+rng.IntN(3600))
			x.RatingRequestedAt = &asked
		}
		rec.extras = x
	}
}
