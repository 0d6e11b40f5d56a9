"""Multilingual cue words: what lets a few examples in one language teach the model all of them.

Each concept lists stems in many languages (matched as substrings of the normalised text, with a
leading space meaning "at the start of a word"). The model sees which concepts occur and learns
how much each one counts; nothing here decides a label on its own.
"""

import re

import ahocorasick

# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "insult_bully": (
        "bully", "bullied", "harass", "mock", "ugly", "worthless", "loser", "fat pig", "clown",
        "nobody likes", " pest", "gepest", "lelijk", "scheld",
        "травл", "травят", "оскорбл", "уродин", "жирная", "ржать", "дебил", 
        "骂", "霸凌", "嘲笑", "欺负", "丑", "辱骂", "刷屏", 
        "mobb", "beleidig", "hässlich", "harcel", "moche", "insult", "acoso", "insultand",
        " fea ", "feia", "brutta", "çirkin",
        
    ),
    "hate_group": (
        "racis", "slur", "muslim", "jews", " jew", "black people", "gay", " trans", 
        "immigrant", "refugee", "deport", "nazi", "haat", "marokkan", "homo",
        "hoofddoek", "расист", "ненавист", "евре", "геев", "кавказ", 
        "национал", "种族", "民族", "同性恋", "仇恨", "歧视", "外劳", 
        "flüchtling", "hetz", "volksverhetz", "noirs", "homophob",
        "haine", "inmigrant", "odio", "nordestin", "ódio", "razzist", "odio",
        "nefret", "suriyeli",
    ),
    "threat_weapon": (
        " kill", " stab", "shoot", " gun", "murder", "dead when",
        "dood", " mes ", "steken", "opblazen", "vermoord", "afmaken",
        "убь", "зареж", "стрел", "ружь", "подожж",
        "杀", "砍", "刀", "枪", "打断", "messer", "waffe",
        "absticht", "knall", "couteau", "tuer", "sauter", "cuchillo",
        "pistola", "matar", "disparar", "faca", "ammazz", 
        "öldür", "bıçak", 
    ),
    "gore_fight": (
        "fight", "gore", "blood", "crash", "bodies", "stomp", "vecht", "geschopt",
        "драк", "избива", "打架", "血腥", 
        "schlägerei", "bagarre", "tabass", "pelea", "patean", "briga", "chutad",
    ),
    "sexual": (
        "porn", "nude", "naked", "sex", "onlyfans", "d pic", "dick", "explicit",
        "naakt", "seks", "dickpic", "порн", "голы", "член", "сексуал", "откровен", 
        "色情", "裸", "下体", "露骨", "nackt", "penis", " nu ", "sexe", "desnud",
        "pene", "pelad", "pornograf", "müstehcen", "çıplak",
    ),
    "misinformation": (
        "fake news", "misinformation", "conspiracy", "microchip", "vaccin", "bleach", " 0g ",
        "deepfake", "ai generated", " cure", "nepnieuws", "nep was", 
        "фейк", "дезинформ", "прививк", "нейросет", "谣言", "假新闻",
        "疫苗", "芯片", "假视频", "消毒水", "impf", "falschinform", "fausse", "vaccin",
        "desinform", "vacuna", "lejía", "falso", "vacina", "bufala", "aşı", "yalan haber",
        "earthquake", "election", "verkiezing", "выбор", "эвакуац", "封城",
    ),
    "scam_spam": (
        "scam", "spam", "phishing", "giveaway", "fraud", " bot", "won a", "gift card", 
        "oplicht", "gewonnen", "мошен", "спам", "выиграли", " бот",
        "骗", "诈骗", "中奖", "机器人", "betrug", "abzocke", "arnaque", "escroqu", "estaf",
        "golpe", "truffa", "dolandır", "kazandınız", 
        "данные карты", 
    ),
    "self_harm": (
        "suicid", "kill myself", "end my life", "pills", "want to die", "cutting", 
        "thinspo", "pro ana", "proana", "starv", "zelfmoord", "van kant", 
        "snijd", "суицид", "покончить", "таблет", "режет", "селфхарм",
        "自杀", "不想活", "割腕", "跳楼", "催吐", "厌食", "想死", "遗书",
        "umbring", "tabletten", "hunger", "suicide", "pilules", "quitar la vida",
        "pastillas", "me matar", "remédios", "pastiglie", "intihar",
        "hapları", "ölmek", "leven", "жить", "vivre", "vivir", "morir",
    ),
    "child_minor": (
        "kid", "minor", "daughter", " son ", "year old", " yo ", "toddler",
        "little girl", "grooming", "dochter", "zoon", "kinder", 
        "meisjes", "дочер", " сын", "ребён", "ребен", " дет", "девочк",
        "педофил", "女儿", "儿子", "小孩", "孩子", "儿童", "小女孩", "恋童",
        "tochter", "sohn", "kindes", "fille", "fils", "enfant", "pédo", "hija", 
        "niños", "pedofil", "filha", "crianç", "figlia", "kızım", 
        "yaşındaki", " jaar", " лет", "岁", "jährig", " ans", "años", "anos", "anni",
    ),
    "dangerous_challenge": (
        "challenge", "pass out", "flamethrower", "laundry pod", "highway", " train",
        "dangerous", "levensgevaarlijk", "spoor", "flauwval", 
        "челлендж", "зацеп", "электрич", "взрывпакет", "挑战", "憋气", "晕倒", "火车", "喷射",
        "mutprobe", "ohnmacht", "s bahn", "défi", "évanou", "lance flammes", "reto",
        "desmay", "techo del tren", "desafio", "desmaiar", "akım", "bayılana",
        "peligros", "gevaarlijk", "опасн", "危险", "gefährlich",
    ),
    "hacked": (
        "hack", "logged in from", "took over", "taken over", 
        "gehackt", "overgenomen", "ingelogd vanuit", "взлом", "зашёл в мой", "зашел в мой",
        "被盗", "盗号", "被黑", "异地登录", "hacke", "eingeloggt",
        "piraté", "pirater", "connecté à mon compte", "entró a mi cuenta",
        "hackerat", "hacklendi",
        "диран", 
    ),
    "password_email_changed": (
        "password was changed", "changed the email", "changed my password", 
        "wachtwoord veranderd", "e mail veranderd", "пароль изменён", "сменили пароль",
        "сменили почту", "密码被", "邮箱", "passwort geändert",
        "mot de passe changé", "cambió la contraseña", "cambiaron el correo", 
        "mudaram o email", "cambiato email", "değiştirdiler",
    ),
    "ban_suspend": (
        " banned", " bann", " bans", "suspend", "disabled", "unban", "appeal", "blocked my account",
        "geblokkeerd", "verbannen", "geschorst", "bezwaar", "заблокир",
        "забан", " бан ", "ограничили", "обжал", "пересмотр", "封号", "封禁", "申诉",
        "解封", "停权", "被禁", "gesperrt", "sperr", "einspruch", "banni", "suspendu",
        "bloqué", "fais appel", "suspendi", "banear", "apelar", 
        "banid", "recorrer", "bannat", "ricorso", "kapatıldı", "itiraz",
    ),
    "login": (
        "log in", "login", "verification code", "reset link", "forgot", 
        "wrong password", "inlog", "verificatiecode", "wachtwoord vergeten",
        "войти", "вход", "код подтвержд", "восстановлен", "забыл пароль", 
        "登录", "登不上", "验证码", "忘记密码", "重置", "登入", "anmelden",
        "bestätigungscode", "passwort vergessen", "connecter", "code de vérification",
        "mot de passe oublié", "iniciar sesión", "código de verificación", "contraseña",
        "entrar", "código", "accedere", "codice di verifica", "giriş yap", "doğrulama kodu",
        
    ),
    "impersonation": (
        "pretend", "impersonat", "fake profile", "my name and",
        "claiming to be", "using my photos", "doet zich voor", "nepaccount", "nep account",
        "met mijn naam", "выдаёт себя", "выдает себя", "притворя",
        "фейковый аккаунт", "фейковая страница", "мои фото и имя", "冒充", "假冒", "假账号",
        "gibt sich als", "fake profil", "se fait passer", "faux compte",
        "hace pasar", "perfil falso", "passando por mim", "finge di essere",
        "sahte hesap", "benim adımla", "podszyw", 
    ),
    "personal_data": (
        "address", "phone number", "doxx", "id card", "leaked",
        "private photos", "adres", "telefoonnummer", "адрес", "номер телефона",
        "слили", "паспорт", "地址", "住址", "电话号码", "身份证", 
        "人肉", "私密照片", "adresse", "handynummer", "numéro de téléphone",
        "dirección", "teléfono", "endereço", "telefone", "indirizzo", "ev adresimi",
        "full name", 
    ),
    "data_request": (
        "gdpr", "my data", "all data", "personal data", "download my", "delete my account",
        "copy of", " avg", "gegevens", "inzage",
        "персональн", "мои данные", "моих данных", "скачать", "удалите мой аккаунт",
        "копию", "个人数据", "所有数据", "注销", "删除我的", "个人资料", "dsgvo", "auskunft",
        "daten", "rgpd", "données", "datos personales", "mis datos", "lgpd", "dados pessoais",
        "information you store", "信息",
    ),
    "privacy_settings": (
        "private", "setting", "who can", "greyed out", "public again", "find me",
        "privé", "instelling", "закрыт", "настройк", "私密账号", "隐私设置", 
        "设置", "privat", "einstellung", "privé", "paramètre", "privada", "configuración",
        "privacidad", "privacy", "only friends",
    ),
    "vulnerability": (
        "vulnerab", "exploit", "xss", " poc ", "rate limit", "enumerat", "security", " api",
        "responsible disclosure", "beveiligings", "kwetsbaar", "уязвим",
        "дыра в безопасности", "перебира", "漏洞", "安全", "暴力破解", "sicherheitslücke",
        "faille", "vulnerabilidad",
    ),
    "copyright": (
        "copyright", "reupload", "stole my", "watermark", "dmca", "without permission",
        "licens", "pirat", "auteursrecht",
        "watermerk", "illegaal", "авторск", "перезалил", "водяной знак", "украли моё видео",
        "пират", "版权", "搬运", "水印", "盗用", "盗播", "侵权", "原创",
        "urheberrecht", "wasserzeichen", "droit d auteur", "filigrane",
        "derechos de autor", "marca de agua", "direitos autorais", "marca d água",
        "diritto d autore", "telif", "filigran", "izinsiz", 
    ),
    "trademark": (
        "trademark", "counterfeit", "brand", "logo", "fake nike", "namaak", " merk",
        "товарн", "контрафакт", "поддельн", "бренд", "логотип", "商标", "假的",
        "品牌", "marke", "gefälscht", "markenfälschung", "contrefaçon", 
        "falsas", "piratas", "marca",
    ),
    "defamation": (
        "defam", "slander", "libel", " lies", " lie ", "false", "not true", "never happened",
        "reputation", "laster", "smaad", "leugen", "клевет", "ложь", 
        "вранье", "не было", "репутац", "诽谤", "造谣", "污蔑", "没有这回事",
        "verleumd", "rufschädig", "diffamat", "diffamation", "difamación",
        "calúnia", "difamação", "ruining", "kost me klanten",
    ),
    "law_enforcement": (
        "police", "detective", "court order", "subpoena", "law enforcement",
        "politie", "justitie", "opsporing", "полиц", "следствен",
        "уголовн", "постановлен", "警方", "公安", "刑事", "法律文书", "polizei", "beschluss",
        "gendarmerie", "réquisition", "policía", "orden judicial", "preservation",
    ),
    "bug": (
        "crash", "bug", "glitch", "freeze", "won t load", "not working", "doesn t work",
        "spinning", "update", "reinstall", "crasht",
        "werkt niet", "laden niet", "blijven hangen", "вылета", "завис",
        "не грузятся", "ошибк", "не работает", "обновлен", "闪退", "卡住", "转圈", "崩溃",
        "打不开", "更新", "stürzt", "absturz", "laden nicht", "plante", "mise à jour",
        "se cierra", "no cargan", "actualización", "fecha sozinho", "atualização",
        "si chiude", "çöküyor", 
    ),
    "feature_request": (
        "please add", "add a", "would be", "suggestion", "feature", "bring back",
        "zou fijn", "suggestie", "kunnen jullie", "добавьте", "было бы",
        "希望", "建议", "功能", "wäre cool", 
        "ce serait bien", "estaría genial", "seria legal", "sarebbe bello", "eklenirse",
    ),
    "ads": (
        " ad ", " ads", "advert", "campaign", "promoted", "business account", "shop tab",
        "impressions", "reclame", "advertentie", "zakelijk", "реклам", "бизнес", "广告",
        "商家", "werbung", " pub ", "pubs", "anuncio", "publicidad",
    ),
    "money_payout": (
        "payout", "creator fund", "coins", "gifts", "rewards program", "balance",
        "charged", "refund", "uitbetaling", "munten", "cadeautjes", 
        "выплат", "монет", "подарк", "баланс", "收益", "金币", "礼物", "余额",
        "到账", "auszahlung", "versement", "pago", "pagamento",
        "hediye", "bakiye",
    ),
    "feedback": (
        "better last year", "thank", "great", "support is slow", "was better", "love the",
        "complimenten", "was beter", "спасибо", "было лучше", "谢谢", "好用", "以前",
        "früher", "était mieux", "era mejor", "honestly",
    ),
    "promo_offer": (
        "followers", "cheap", " dm ", "telegram", "whatsapp", "apply at", "commission",
        "signals", "per day", "link", "singles", "volgers", "goedkoop",
        "verdien", "подписчик", "накрутк", "заработ", "дёшево", "粉丝", "刷",
        "加微信", "日赚", "兼职", "follower kaufen", "abonnés", "seguidores",
        "takipçi", "zap", "viral", "百万播放",
    ),
    "staff_insult": (
        "moderator", "support team", "customer service", "you guys", 
        "useless", "idiot", "pathetic", "brain dead", "f yourselves", "klantenservice",
        "sukkel", "waardeloze", "модератор", "поддержк", "дебил",
        "客服", "审核", "废物", "脑残", "傻逼", "垃圾", "moderatoren",
        "vollidiot", "connard", "moderadores", "inútiles",
        "moderatörler", "aptal",
    ),
    "junk": (
        " test", "asdf", "hello", "hallo", " hi ", "привет", "проверка", "你好", "测试",
        "bonjour", "hola", "lalala", "kkkk", "ывап", "jfjf",
    ),
}
# fmt: on

_NON_WORD = re.compile(r"[\W_]+")


class Lexicon:
    """One Aho-Corasick pass finds every concept's stems in a text."""

    def __init__(self, concepts: dict[str, tuple[str, ...]] = CONCEPTS) -> None:
        self.names = tuple(concepts)
        self._automaton = ahocorasick.Automaton()
        by_stem: dict[str, set[int]] = {}
        for index, stems in enumerate(concepts.values()):
            for stem in stems:
                by_stem.setdefault(_words(stem, pad=False), set()).add(index)
        for stem, indices in by_stem.items():
            self._automaton.add_word(stem, tuple(sorted(indices)))
        self._automaton.make_automaton()

    def concepts(self, normalised_text: str) -> set[int]:
        found: set[int] = set()
        for _, indices in self._automaton.iter(_words(normalised_text, pad=True)):
            found.update(indices)
        return found


def _words(text: str, *, pad: bool) -> str:
    """Punctuation becomes a space, so a leading space in a stem means 'start of a word'."""
    words = _NON_WORD.sub(" ", text)
    return f" {words} " if pad else words
