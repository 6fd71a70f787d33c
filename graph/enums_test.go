package graph

import (
	"reflect"
	"strconv"
	"testing"

	"intercom-graphql/graph/model"
)

func TestWireEnumReadsIntercomValues(t *testing.T) {
	tests := []struct {
		raw  string
		want model.SubscriptionConsentType
	}{
		{"opt_in", model.SubscriptionConsentTypeOptIn},
		{"opt_out", model.SubscriptionConsentTypeOptOut},
		{"OPT_IN", model.SubscriptionConsentTypeOptIn},
		{"Opt_Out", model.SubscriptionConsentTypeOptOut},
	}
	for _, tc := range tests {
		got, err := wireEnum[model.SubscriptionConsentType]("consent type", tc.raw)
		if err != nil || got != tc.want {
			t.Errorf("wireEnum(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
}

func TestWireEnumRefusesValuesTheGraphDoesNotKnow(t *testing.T) {
	for _, raw := range []string{"visitor", "", "user ", "us er", "lead\n"} {
		got, err := wireEnum[model.ContactRole]("contact role", raw)
		want := "intercom sent contact role " + strconv.Quote(raw) + ", which this graph does not know"
		if err == nil || err.Error() != want || got != "" {
			t.Errorf("wireEnum(%q) = %q, %v; want the error %q", raw, got, err, want)
		}
	}
}

func TestWireEnumsReadsEveryValueOrNone(t *testing.T) {
	got, err := wireEnums[model.ConversationState]("conversation state", []string{"open", "snoozed", "closed"})
	if want := []model.ConversationState{model.ConversationStateOpen, model.ConversationStateSnoozed, model.ConversationStateClosed}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("wireEnums = %v, %v; want %v", got, err, want)
	}
	got, err = wireEnums[model.ConversationState]("conversation state", nil)
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("wireEnums(nil) = %#v, %v; want an empty list", got, err)
	}
	got, err = wireEnums[model.ConversationState]("conversation state", []string{"open", "archived", "gone"})
	if want := `intercom sent conversation state "archived", which this graph does not know`; err == nil || err.Error() != want || got != nil {
		t.Errorf("wireEnums with unknown values = %v, %v; want no list and the error %q", got, err, want)
	}
}

func TestWireValueIsIntercomsSpelling(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{wireValue(model.ContactRoleLead), "lead"},
		{wireValue(model.ConversationSourceTypePhoneCall), "phone_call"},
		{wireValue(model.ContactOrderFieldLastEmailOpenedAt), "last_email_opened_at"},
		{wireValue(model.SubscriptionConsentTypeOptOut), "opt_out"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("wireValue = %q, want %q", tc.got, tc.want)
		}
	}
}

// Every value of the enums read from Intercom comes back from its wire
// spelling as itself.
func TestWireValueAndWireEnumRoundTrip(t *testing.T) {
	roundTrip(t, model.AllContactRole)
	roundTrip(t, model.AllConversationState)
	roundTrip(t, model.AllSubscriptionConsentType)
	roundTrip(t, model.AllSubscriptionTypeState)
	roundTrip(t, model.AllDataExportStatus)
	roundTrip(t, model.AllArticleState)
	roundTrip(t, model.AllDataAttributeDataType)
	roundTrip(t, model.AllActivityType)
}

func roundTrip[E interface {
	~string
	IsValid() bool
}](t *testing.T, all []E) {
	t.Helper()
	if len(all) == 0 {
		t.Fatalf("%T has no values", all)
	}
	for _, e := range all {
		got, err := wireEnum[E]("value", wireValue(e))
		if err != nil || got != e {
			t.Errorf("%T %s is sent as %q, which reads as %q, %v", e, e, wireValue(e), got, err)
		}
	}
}
