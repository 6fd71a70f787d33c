package upstream

// TranslatedContent is how multilingual help centers send an article's or a
// collection's content per language: one optional property per locale
// Intercom's Help Center supports. T is ArticleContent or GroupContent.
type TranslatedContent[T any] struct {
	Type *string `json:"type"`
	AR   *T      `json:"ar,omitempty"`
	BG   *T      `json:"bg,omitempty"`
	BS   *T      `json:"bs,omitempty"`
	CA   *T      `json:"ca,omitempty"`
	CS   *T      `json:"cs,omitempty"`
	DA   *T      `json:"da,omitempty"`
	DE   *T      `json:"de,omitempty"`
	EL   *T      `json:"el,omitempty"`
	EN   *T      `json:"en,omitempty"`
	ES   *T      `json:"es,omitempty"`
	ET   *T      `json:"et,omitempty"`
	FI   *T      `json:"fi,omitempty"`
	FR   *T      `json:"fr,omitempty"`
	HE   *T      `json:"he,omitempty"`
	HR   *T      `json:"hr,omitempty"`
	HU   *T      `json:"hu,omitempty"`
	ID   *T      `json:"id,omitempty"`
	IT   *T      `json:"it,omitempty"`
	JA   *T      `json:"ja,omitempty"`
	KO   *T      `json:"ko,omitempty"`
	LT   *T      `json:"lt,omitempty"`
	LV   *T      `json:"lv,omitempty"`
	MN   *T      `json:"mn,omitempty"`
	NB   *T      `json:"nb,omitempty"`
	NL   *T      `json:"nl,omitempty"`
	PL   *T      `json:"pl,omitempty"`
	PT   *T      `json:"pt,omitempty"`
	RO   *T      `json:"ro,omitempty"`
	RU   *T      `json:"ru,omitempty"`
	SL   *T      `json:"sl,omitempty"`
	SR   *T      `json:"sr,omitempty"`
	SV   *T      `json:"sv,omitempty"`
	TR   *T      `json:"tr,omitempty"`
	VI   *T      `json:"vi,omitempty"`
	PTBR *T      `json:"pt-BR,omitempty"`
	ZHCN *T      `json:"zh-CN,omitempty"`
	ZHTW *T      `json:"zh-TW,omitempty"`
}

// ArticleTranslatedContent is an article's content per locale.
type ArticleTranslatedContent = TranslatedContent[ArticleContent]

// GroupTranslatedContent is a collection's or section's content per locale.
type GroupTranslatedContent = TranslatedContent[GroupContent]

// Locales lists the locale codes a translated content can hold, in
// alphabetical order.
var Locales = []string{"ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu", "id",
	"it", "ja", "ko", "lt", "lv", "mn", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sl", "sr", "sv", "tr", "vi", "zh-CN", "zh-TW"}

// slot is where a locale's content lives in the struct.
func (c *TranslatedContent[T]) slot(locale string) **T {
	switch locale {
	case "ar":
		return &c.AR
	case "bg":
		return &c.BG
	case "bs":
		return &c.BS
	case "ca":
		return &c.CA
	case "cs":
		return &c.CS
	case "da":
		return &c.DA
	case "de":
		return &c.DE
	case "el":
		return &c.EL
	case "en":
		return &c.EN
	case "es":
		return &c.ES
	case "et":
		return &c.ET
	case "fi":
		return &c.FI
	case "fr":
		return &c.FR
	case "he":
		return &c.HE
	case "hr":
		return &c.HR
	case "hu":
		return &c.HU
	case "id":
		return &c.ID
	case "it":
		return &c.IT
	case "ja":
		return &c.JA
	case "ko":
		return &c.KO
	case "lt":
		return &c.LT
	case "lv":
		return &c.LV
	case "mn":
		return &c.MN
	case "nb":
		return &c.NB
	case "nl":
		return &c.NL
	case "pl":
		return &c.PL
	case "pt":
		return &c.PT
	case "pt-BR":
		return &c.PTBR
	case "ro":
		return &c.RO
	case "ru":
		return &c.RU
	case "sl":
		return &c.SL
	case "sr":
		return &c.SR
	case "sv":
		return &c.SV
	case "tr":
		return &c.TR
	case "vi":
		return &c.VI
	case "zh-CN":
		return &c.ZHCN
	case "zh-TW":
		return &c.ZHTW
	}
	return nil
}

// Get returns the content in one locale, or nil when there is none.
func (c *TranslatedContent[T]) Get(locale string) *T {
	if c == nil {
		return nil
	}
	if s := c.slot(locale); s != nil {
		return *s
	}
	return nil
}

// Set stores the content of one locale; it reports false for a locale the
// Help Center does not support.
func (c *TranslatedContent[T]) Set(locale string, content *T) bool {
	s := c.slot(locale)
	if s == nil {
		return false
	}
	*s = content
	return true
}

// LocaleContent is the content of one locale.
type LocaleContent[T any] struct {
	Locale  string
	Content *T
}

// Translations lists the locales that have content, in the order of Locales.
func (c *TranslatedContent[T]) Translations() []LocaleContent[T] {
	if c == nil {
		return nil
	}
	var out []LocaleContent[T]
	for _, locale := range Locales {
		if content := c.Get(locale); content != nil {
			out = append(out, LocaleContent[T]{Locale: locale, Content: content})
		}
	}
	return out
}
