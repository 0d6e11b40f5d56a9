"""Keyword rules for the five first-level categories, in English, Dutch, Russian and Chinese.

A deliberately transparent first classifier: every decision names the keywords behind it, so the
platform can disclose why an automated step put a complaint where it did. Keywords are matched
as lower-case substrings, so stems ("угрож", "bedreig") catch their inflected forms.
"""

import re
from dataclasses import dataclass

from shared.submission import Category, Priority

RULES_VERSION = "keyword-rules-1"


@dataclass(frozen=True)
class Rule:
    category: Category
    subcategory: str
    priority: Priority
    keywords: tuple[str, ...]


# fmt: off
RULES: tuple[Rule, ...] = (
    Rule("content", "self_harm", "P1", (
        "suicide", "kill myself", "end my life", "self-harm", "self harm", "cutting myself",
        "zelfmoord", "mezelf van kant", "zelfbeschadiging", "suïcid",
        "суицид", "самоубий", "покончить с собой", "убить себя",
        "自杀", "自殺", "自残", "轻生", "不想活",
    )),
    Rule("content", "child_safety", "P1", (
        "child abuse", "grooming", "underage", "minor being", "child porn", "csam",
        "kindermisbruik", "minderjarig", "kinderporno",
        "педофил", "несовершеннолет", "растлен", "детское порно",
        "儿童色情", "未成年", "恋童", "儿童性",
    )),
    Rule("content", "violence_threats", "P1", (
        "threaten", "threat", "kill you", "going to kill", "bomb", "shoot",
        "bedreig", "vermoorden", "doodmaken", "aanslag",
        "угрож", "убью", "убить тебя", "взорв",
        "威胁", "杀了你", "要杀", "炸弹",
    )),
    Rule("content", "hate_speech", "P3", (
        "hate speech", "racist", "racism", "slur", "nazi",
        "haatzaai", "racistisch", "discriminer",
        "расист", "ненавист", "оскорбляет национальность",
        "仇恨", "种族歧视", "歧视",
    )),
    Rule("content", "harassment_bullying", "P3", (
        "harass", "bully", "bullied", "stalking", "insulting me",
        "pesten", "gepest", "intimidatie", "lastiggevallen",
        "травл", "травят", "травит", "оскорбля", "домогат", "преследу",
        "骚扰", "霸凌", "欺负", "辱骂",
    )),
    Rule("content", "sexual_content", "P3", (
        "nude", "nudity", "porn", "sexual", "explicit",
        "naakt", "seksueel", "pornografie",
        "порно", "обнажен", "сексуальн",
        "色情", "裸体", "露骨",
    )),
    Rule("content", "misinformation", "P3", (
        "fake news", "misinformation", "disinformation", "false information", "conspiracy",
        "nepnieuws", "desinformatie", "onjuiste informatie",
        "фейк", "дезинформац", "ложная информац",
        "谣言", "假新闻", "虚假信息",
    )),
    Rule("content", "spam_scam", "P3", (
        "scam", "spam", "fraud", "phishing", "crypto giveaway",
        "oplichting", "oplichter", "nepwinactie",
        "мошен", "спам", "развод",
        "诈骗", "骗子", "垃圾信息",
    )),
    Rule("account", "hacked", "P2", (
        "hacked", "someone logged into my account", "took over my account", "stolen account",
        "gehackt", "overgenomen",
        "взлом", "украли аккаунт",
        "被盗", "盗号", "被黑", "被入侵",
    )),
    Rule("account", "banned_appeal", "P2", (
        "banned", "suspended", "ban my account", "account disabled",
        "geblokkeerd", "verbannen", "geschorst",
        "заблокир", "забанил", "бан ",
        "封号", "封禁", "被封",
    )),
    Rule("account", "login_issue", "P3", (
        "can't log in", "cannot log in", "login", "password", "verification code",
        "inloggen", "wachtwoord", "verificatiecode",
        "войти", "пароль", "код подтвержд",
        "登录", "登不上", "密码", "验证码",
    )),
    Rule("account", "impersonation", "P2", (
        "pretending to be", "impersonat", "fake account", "fake profile", "using my photos",
        "doet zich voor", "nepaccount", "nep-account", "mijn foto's",
        "выдает себя", "выдаёт себя", "фейковый аккаунт", "мои фото",
        "冒充", "假冒", "盗用我的照片",
    )),
    Rule("privacy_security", "personal_data_exposed", "P2", (
        "my address", "my phone number", "doxx", "personal information", "private photos",
        "mijn adres", "mijn telefoonnummer", "persoonsgegevens",
        "мой адрес", "мой номер", "личные данные",
        "住址", "电话号码", "个人信息", "隐私被",
    )),
    Rule("privacy_security", "data_request", "P3", (
        "my data", "gdpr", "delete my data", "download my data",
        "mijn gegevens", "avg-verzoek", "inzageverzoek",
        "мои данные", "удалить данные",
        "我的数据", "删除数据",
    )),
    Rule("privacy_security", "privacy_settings", "P3", (
        "privacy setting", "private account", "who can see",
        "privacy-instelling", "privé-account",
        "настройки приватности", "закрытый аккаунт",
        "隐私设置", "私密账号",
    )),
    Rule("privacy_security", "security_vulnerability", "P2", (
        "vulnerability", "security hole", "exploit", "xss",
        "kwetsbaarheid", "beveiligingslek",
        "уязвим", "дыра в безопасности",
        "漏洞", "安全问题",
    )),
    Rule("legal", "copyright", "P2", (
        "copyright", "stole my video", "my music", "dmca", "reuploaded my",
        "auteursrecht", "mijn video gestolen",
        "авторск", "украл мое видео", "украл моё видео",
        "版权", "盗用我的视频", "搬运",
    )),
    Rule("legal", "trademark", "P2", (
        "trademark", "brand name", "counterfeit",
        "merkenrecht", "handelsmerk", "namaak",
        "товарный знак", "контрафакт",
        "商标", "假货",
    )),
    Rule("legal", "defamation", "P2", (
        "defamation", "slander", "libel", "lies about me",
        "laster", "smaad", "leugens over mij",
        "клевет", "ложь обо мне",
        "诽谤", "造谣", "污蔑",
    )),
    Rule("legal", "law_enforcement", "P2", (
        "police", "court order", "subpoena", "law enforcement",
        "politie", "gerechtelijk bevel",
        "полиция", "постановление суда",
        "警方", "法院",
    )),
    Rule("other", "bug", "P3", (
        "bug", "crash", "doesn't work", "does not work", "error message", "glitch",
        "werkt niet", "foutmelding", "crasht",
        "не работает", "ошибка", "вылетает",
        "崩溃", "闪退", "打不开", "故障",
    )),
    Rule("other", "feature_request", "P4", (
        "feature request", "please add", "would be nice", "suggestion",
        "zou fijn zijn", "suggestie", "voeg toe",
        "предлагаю", "добавьте", "было бы здорово",
        "建议", "希望增加", "能不能加",
    )),
    Rule("other", "ads_business", "P3", (
        "advert", "ads", "business account", "promotion",
        "advertentie", "reclame", "zakelijk account",
        "реклам", "бизнес-аккаунт",
        "广告", "商家账号",
    )),
    Rule("other", "monetization", "P3", (
        "payout", "creator fund", "monetization", "gifts", "coins",
        "uitbetaling", "verdiensten",
        "выплат", "монетизац",
        "提现", "收益", "打赏",
    )),
)
# fmt: on

_PRIORITY_ORDER = {"P1": 0, "P2": 1, "P3": 2, "P4": 3}
FALLBACK = Rule("other", "general_feedback", "P4", ())

# Channel hints the in-app report button sends, mapped to the rule they support.
HINTS = {rule.subcategory: rule for rule in RULES} | {
    "spam": next(r for r in RULES if r.subcategory == "spam_scam"),
    "harassment": next(r for r in RULES if r.subcategory == "harassment_bullying"),
}


@dataclass(frozen=True)
class Decision:
    category: Category
    subcategory: str
    priority: Priority
    language: str
    confidence: float
    model_version: str
    reasons: tuple[str, ...]


def guess_language(text: str, declared: str | None) -> str:
    """The declared language if any, else a guess from the script and common Dutch words."""
    if declared:
        return declared.split("-")[0].lower()
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    dutch_only_words = (
        r"\b(het|een|niet|mijn|mij|ik|wil|hij|zij|wordt|heb|hebben|van|iemand|geen)\b"
    )
    return "nl" if re.search(dutch_only_words, text.lower()) else "en"


def classify_text(text: str, *, language: str | None = None, hint: str | None = None) -> Decision:
    lowered = text.lower()
    scored: list[tuple[float, Rule, list[str]]] = []
    for rule in RULES:
        matched = [keyword for keyword in rule.keywords if keyword in lowered]
        score = float(len(matched))
        if hint and HINTS.get(hint.lower()) is rule:
            score += 0.5
            matched.append(f"channel hint '{hint}'")
        if score:
            scored.append((score, rule, matched))
    if not scored:
        best, reasons, confidence = FALLBACK, ["no rule matched"], 0.3
    else:
        # Most evidence wins; on a tie the more urgent reading wins: P1 must never wait.
        scored.sort(key=lambda item: (-item[0], _PRIORITY_ORDER[item[1].priority]))
        top_score, best, matched = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = round(min(0.95, 0.5 + 0.15 * top_score - 0.1 * runner_up), 2)
        reasons = [f"matched {m!r}" if not m.startswith("channel") else m for m in matched]
    return Decision(
        category=best.category,
        subcategory=best.subcategory,
        priority=best.priority,
        language=guess_language(text, language),
        confidence=max(confidence, 0.05),
        model_version=RULES_VERSION,
        reasons=tuple(reasons),
    )
