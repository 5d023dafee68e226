#include "engine/mail_starter_templates.hpp"

#include "store/mail_template_repository.hpp"

namespace steward::engine {
namespace {

domain::MailTemplateInput make(const char* name, const char* kind, const char* language,
                               const char* subject, const char* text, const char* html) {
  domain::MailTemplateInput t;
  t.name = name;
  t.kind = kind;
  t.language = language;
  t.subject = subject;
  t.text = text;
  t.html = html;
  return t;
}

const char* kThankYouEn = R"({{donor.salutation}},

Thank you for your gift of {{gift.amount}} on {{gift.date}}{{#gift.fund}} to {{gift.fund}}{{/gift.fund}}.
{{#first_gift}}
Welcome! This is your first gift to {{org.name}}, and we are so glad you have joined us.
{{/first_gift}}{{#recurring}}
Your monthly support lets us plan ahead for the women in our care. Thank you for giving faithfully.
{{/recurring}}{{#tribute}}
Your gift was made {{#gift.in_memory}}in memory of{{/gift.in_memory}}{{#gift.in_honor}}in honor of{{/gift.in_honor}} {{gift.tribute_name}}.
{{/tribute}}
Your generosity provides shelter, care and hope for women who have escaped North Korea.

With gratitude,
{{org.signer_name}}
{{org.signer_title}}
{{org.name}}
)";

const char* kThankYouEnHtml =
    R"(<p>{{donor.salutation}},</p>
<p>Thank you for your gift of <strong>{{gift.amount}}</strong> on {{gift.date}}{{#gift.fund}} to {{gift.fund}}{{/gift.fund}}.</p>
{{#first_gift}}<p>Welcome! This is your first gift to {{org.name}}, and we are so glad you have joined us.</p>{{/first_gift}}
{{#recurring}}<p>Your monthly support lets us plan ahead for the women in our care. Thank you for giving faithfully.</p>{{/recurring}}
{{#tribute}}<p>Your gift was made {{#gift.in_memory}}in memory of{{/gift.in_memory}}{{#gift.in_honor}}in honor of{{/gift.in_honor}} {{gift.tribute_name}}.</p>{{/tribute}}
<p>Your generosity provides shelter, care and hope for women who have escaped North Korea.</p>
<p>With gratitude,<br>{{org.signer_name}}<br>{{org.signer_title}}<br>{{org.name}}</p>
)";

const char* kThankYouKo = R"({{donor.salutation}},

{{gift.date}}에 보내주신 {{gift.amount}}{{#gift.fund}} ({{gift.fund}}){{/gift.fund}} 후원에 진심으로 감사드립니다.
{{#first_gift}}
{{org.name}}에 처음으로 후원해 주셨습니다. 함께해 주셔서 정말 기쁩니다.
{{/first_gift}}{{#recurring}}
매달 보내주시는 정기 후원 덕분에 보호 중인 자매들을 위해 미리 계획할 수 있습니다. 신실한 후원에 감사드립니다.
{{/recurring}}{{#tribute}}
이 후원은 {{gift.tribute_name}} 님을 {{#gift.in_memory}}추모하며{{/gift.in_memory}}{{#gift.in_honor}}기리며{{/gift.in_honor}} 드려졌습니다.
{{/tribute}}
보내주신 사랑은 북한을 떠나온 여성들에게 안전한 거처와 돌봄, 그리고 소망이 됩니다.

감사의 마음을 담아,
{{org.name}} {{org.signer_title}} {{org.signer_name}} 드림
)";

const char* kThankYouKoHtml =
    R"(<p>{{donor.salutation}},</p>
<p>{{gift.date}}에 보내주신 <strong>{{gift.amount}}</strong>{{#gift.fund}} ({{gift.fund}}){{/gift.fund}} 후원에 진심으로 감사드립니다.</p>
{{#first_gift}}<p>{{org.name}}에 처음으로 후원해 주셨습니다. 함께해 주셔서 정말 기쁩니다.</p>{{/first_gift}}
{{#recurring}}<p>매달 보내주시는 정기 후원 덕분에 보호 중인 자매들을 위해 미리 계획할 수 있습니다.</p>{{/recurring}}
{{#tribute}}<p>이 후원은 {{gift.tribute_name}} 님을 {{#gift.in_memory}}추모하며{{/gift.in_memory}}{{#gift.in_honor}}기리며{{/gift.in_honor}} 드려졌습니다.</p>{{/tribute}}
<p>보내주신 사랑은 북한을 떠나온 여성들에게 안전한 거처와 돌봄, 그리고 소망이 됩니다.</p>
<p>감사의 마음을 담아,<br>{{org.name}} {{org.signer_title}} {{org.signer_name}} 드림</p>
)";

const char* kLetterEn = R"({{today}}

{{donor.addressee}}
{{donor.address}}

{{donor.salutation}},

Thank you for your generous gift of {{gift.amount}}, received on {{gift.date}}{{#gift.fund}} for {{gift.fund}}{{/gift.fund}}.
{{#tribute}}Your gift was made {{#gift.in_memory}}in memory of{{/gift.in_memory}}{{#gift.in_honor}}in honor of{{/gift.in_honor}} {{gift.tribute_name}}.
{{/tribute}}
Your support keeps women who have fled North Korea safe, cared for and able to rebuild their lives.

No goods or services were provided in exchange for this gift.{{#org.tax_id}} {{org.name}} tax id: {{org.tax_id}}.{{/org.tax_id}}

With gratitude,

{{org.signer_name}}
{{org.signer_title}}
)";

const char* kLetterKo = R"({{today}}

{{donor.addressee}} 귀하
{{donor.address}}

{{donor.salutation}},

{{gift.date}}에 보내주신 {{gift.amount}}{{#gift.fund}} ({{gift.fund}}){{/gift.fund}} 후원에 깊이 감사드립니다.
{{#tribute}}이 후원은 {{gift.tribute_name}} 님을 {{#gift.in_memory}}추모하며{{/gift.in_memory}}{{#gift.in_honor}}기리며{{/gift.in_honor}} 드려졌습니다.
{{/tribute}}
후원자님의 사랑으로 북한을 떠나온 여성들이 안전하게 보호받으며 새로운 삶을 세워 가고 있습니다.

본 후원에 대하여 제공된 재화나 용역은 없습니다.{{#org.tax_id}} {{org.name}} 고유번호: {{org.tax_id}}{{/org.tax_id}}

감사의 마음을 담아,
{{org.name}} {{org.signer_title}} {{org.signer_name}} 드림
)";

const char* kTributeEn = R"(Dear friend,

We are writing to let you know that {{donor.name}} has made a gift to {{org.name}} {{#gift.in_memory}}in memory of{{/gift.in_memory}}{{#gift.in_honor}}in honor of{{/gift.in_honor}} {{gift.tribute_name}}.

The gift supports women who have escaped North Korea with shelter, care and hope.

With warm regards,
{{org.signer_name}}
{{org.name}}
)";

const char* kTributeKo = R"(안녕하십니까,

{{donor.name}} 님께서 {{gift.tribute_name}} 님을 {{#gift.in_memory}}추모하며{{/gift.in_memory}}{{#gift.in_honor}}기리며{{/gift.in_honor}} {{org.name}}에 후원해 주셨음을 알려 드립니다.

이 후원은 북한을 떠나온 여성들에게 안전한 거처와 돌봄, 그리고 소망이 됩니다.

{{org.name}} {{org.signer_name}} 드림
)";

const char* kYearEndEn = R"({{donor.salutation}},

Thank you for standing with {{org.name}} in {{year.year}}. Your {{year.gift_count}} gift(s) this year total {{year.total}}.

No goods or services were provided in exchange for these gifts.{{#org.tax_id}} {{org.name}} tax id: {{org.tax_id}}.{{/org.tax_id}} Please keep this statement for your tax records.

With gratitude,
{{org.signer_name}}
{{org.signer_title}}
)";

const char* kYearEndKo = R"({{donor.salutation}},

{{year.year}}년 한 해 동안 {{org.name}}와 함께해 주셔서 감사합니다. 올해 보내주신 후원은 {{year.gift_count}}건, 합계 {{year.total}}입니다.

본 후원에 대하여 제공된 재화나 용역은 없습니다.{{#org.tax_id}} {{org.name}} 고유번호: {{org.tax_id}}{{/org.tax_id}} 연말정산 자료로 보관해 주십시오.

감사의 마음을 담아,
{{org.name}} {{org.signer_title}} {{org.signer_name}} 드림
)";

const char* kAppealEn = R"({{donor.salutation}},

This winter, women who have escaped North Korea are hiding without safe shelter. Your gift today gives them a warm, safe place and the care they need to begin again.

Will you give again?{{#year.gift_count}} Your gifts this year ({{year.total}}) have already changed lives.{{/year.gift_count}}

With hope,
{{org.signer_name}}
{{org.name}}
)";

const char* kAppealKo = R"({{donor.salutation}},

올겨울에도 북한을 떠나온 여성들이 안전한 거처 없이 숨어 지내고 있습니다. 오늘의 후원은 그들에게 따뜻하고 안전한 보금자리와 새 출발을 위한 돌봄이 됩니다.

다시 한번 함께해 주시겠습니까?{{#year.gift_count}} 올해 보내주신 후원({{year.total}})이 이미 많은 생명을 변화시켰습니다.{{/year.gift_count}}

소망을 담아,
{{org.name}} {{org.signer_name}} 드림
)";

}  // namespace

const std::vector<domain::MailTemplateInput>& starter_templates() {
  static const std::vector<domain::MailTemplateInput> all = {
      make("thank-you-email", "thank_you_email", "en", "Thank you for your gift to {{org.name}}",
           kThankYouEn, kThankYouEnHtml),
      make("thank-you-email", "thank_you_email", "ko", "{{donor.name}} 님, 후원에 감사드립니다",
           kThankYouKo, kThankYouKoHtml),
      make("thank-you-letter", "thank_you_letter", "en", "Thank you for your gift", kLetterEn, ""),
      make("thank-you-letter", "thank_you_letter", "ko", "후원에 감사드립니다", kLetterKo, ""),
      make("tribute-notification", "tribute", "en",
           "A gift {{#gift.in_memory}}in memory of{{/gift.in_memory}}{{#gift.in_honor}}in honor "
           "of{{/gift.in_honor}} {{gift.tribute_name}}",
           kTributeEn, ""),
      make("tribute-notification", "tribute", "ko", "{{gift.tribute_name}} 님을 위한 후원 안내",
           kTributeKo, ""),
      make("year-end-statement", "year_end", "en", "Your {{year.year}} giving statement",
           kYearEndEn, ""),
      make("year-end-statement", "year_end", "ko", "{{year.year}}년 후원 내역 안내", kYearEndKo,
           ""),
      make("appeal", "appeal", "en", "Shelter for the winter", kAppealEn, ""),
      make("appeal", "appeal", "ko", "올겨울, 안전한 보금자리를", kAppealKo, ""),
  };
  return all;
}

Result<int> install_starter_templates(store::Unit& unit) {
  int installed = 0;
  for (const auto& t : starter_templates()) {
    auto existing = store::mail_templates::current(unit, t.name, t.language);
    if (existing) continue;
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    auto saved = store::mail_templates::save(unit, t);
    if (!saved) return saved.status();
    ++installed;
  }
  return installed;
}

}  // namespace steward::engine
