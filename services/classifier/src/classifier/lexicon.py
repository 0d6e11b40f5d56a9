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
        "nobody likes", " pest", "gepest", "lelijk", "scheld", "травл", "травят", "оскорбл",
        "уродин", "жирная", "ржать", "дебил", "骂", "霸凌", "嘲笑", "欺负", "丑", "辱骂", "刷屏",
        "mobb", "beleidig", "hässlich", "harcel", "moche", "insult", "acoso", "insultand",
        " fea ", "feia", "brutta", "çirkin", "we hate", "haten", "ненавидим", "讨厌", "hassen",
        "déteste", "odiamos", "odiamo", "nefret ediyoruz", "stalk", "watching you", "наблюдаю",
        "看着你", "raid", "натравил", "冲我", "humiliat", "vernederend", "stutter", "stotter",
        "horns", "рогами", "角", "hörnern", "cornes", "cuernos", "chifres", "corna", "boynuz",
    ),
    "hate_group": (
        "racis", "slur", "muslim", "jews", " jew", "black people", "gay", " trans", "immigrant",
        "refugee", "deport", "nazi", "haat", "marokkan", "homo", "hoofddoek", "расист",
        "ненавист", "евре", "геев", "кавказ", "национал", "种族", "民族", "同性恋", "仇恨",
        "歧视", "外劳", "flüchtling", "hetz", "volksverhetz", "noirs", "homophob", "haine",
        "inmigrant", "odio", "nordestin", "ódio", "razzist", "nefret", "suriyeli", "kitchen",
        "keuken", "кухне", "厨房", "küche", "cuisine", "cocina", "mutfağ", "disabled",
        "gehandicapt", "инвалид", "残疾", "behindert", "handicap", "discapacitad", "engelli",
        "swastika", "hakenkruis", "свастик", "纳粹", "white power", "n word", "n woord",
        "women belong",
    ),
    "threat_weapon": (
        " kill", " stab", "shoot", " gun", "murder", "dead when", "dood", " mes ", "steken",
        "opblazen", "vermoord", "afmaken", "убь", "зареж", "стрел", "ружь", "подожж", "杀", "砍",
        "刀", "枪", "打断", "messer", "waffe", "absticht", "knall", "couteau", "tuer", "sauter",
        "cuchillo", "pistola", "matar", "disparar", "faca", "ammazz", "öldür", "bıçak", "knife",
        "rifle", "burn my house", "finish you", "maak ik je af", "прикончу", "解决你", "fertig",
        "règle ton compte", "te acabo", "acabo com você", "işini bitir", "ti faccio fuori",
        "винтовк", "步枪", "geweer", "in brand", "сожж", "烧了", "zündet", "brûler", "quemar",
        "it s happening", "het gaat gebeuren", "это случится", "要出事",
    ),
    "gore_fight": (
        "fight", "gore", "blood", "crash", "bodies", "stomp", "vecht", "geschopt", "драк",
        "избива", "打架", "血腥", "schlägerei", "bagarre", "tabass", "pelea", "patean", "briga",
        "chutad", "tortur", "gemarteld", "мучают", "虐杀", "beheading", "animal", " dier",
        "животн", "动物",
    ),
    "sexual": (
        "porn", "nude", "naked", "sex", "onlyfans", "d pic", "dick", "explicit", "naakt", "seks",
        "dickpic", "порн", "голы", "член", "сексуал", "откровен", "色情", "裸", "下体", "露骨",
        "nackt", "penis", " nu ", "sexe", "desnud", "pene", "pelad", "pornograf", "müstehcen",
        "çıplak", "topless", "sex video", "seksfilm", "секс", "性爱", "massage", "массаж", "按摩",
    ),
    "misinformation": (
        "fake news", "misinformation", "conspiracy", "microchip", "vaccin", "bleach", " 0g ",
        "deepfake", "ai generated", " cure", "nepnieuws", "nep was", "фейк", "дезинформ",
        "прививк", "нейросет", "谣言", "假新闻", "疫苗", "芯片", "假视频", "消毒水", "impf",
        "falschinform", "fausse", "desinform", "vacuna", "lejía", "falso", "vacina", "bufala",
        "aşı", "yalan haber", "earthquake", "election", "verkiezing", "выбор", "эвакуац", "封城",
        "insulin", "инсулин", "胰岛素", "declared war", "oorlog", "войну", "宣战", "krieg",
        "guerre", "guerra", "garlic", "knoflook", "чеснок", "大蒜", "flat earth", "fake", " nep",
        "panic", "paniek", "панике", "慌", "panik", "paniquent", "pánico",
    ),
    "scam_spam": (
        "scam", "spam", "phishing", "giveaway", "fraud", " bot", "won a", "gift card", "oplicht",
        "gewonnen", "мошен", "спам", "выиграли", " бот", "骗", "诈骗", "中奖", "机器人", "betrug",
        "abzocke", "arnaque", "escroqu", "estaf", "golpe", "truffa", "dolandır", "kazandınız",
        "данные карты", "charity", "goed doel", "благотвори", "慈善", "donation", "donaties",
        "spendenaufruf", "cagnotte", "colecta", "vaquinha", "raccolta fondi", "bağış",
        "job offer", "vacature", "вакансия", "招聘", "training fee", "steam cards",
        "romance scam", "earn 000", "verdien 000", "зарабатывай", "日赚", "paypal",
        "privé rekening", "личную карту", "个人账户", "privatkonto", "compte perso",
        "cuenta personal", "conta pessoal", "conto privato", "kişisel hesab",
    ),
    "self_harm": (
        "suicid", "kill myself", "end my life", "pills", "want to die", "cutting", "thinspo",
        "pro ana", "proana", "starv", "zelfmoord", "van kant", "snijd", "суицид", "покончить",
        "таблет", "режет", "селфхарм", "自杀", "不想活", "割腕", "跳楼", "催吐", "厌食", "想死",
        "遗书", "umbring", "tabletten", "hunger", "suicide", "pilules", "quitar la vida",
        "pastillas", "me matar", "remédios", "pastiglie", "intihar", "hapları", "ölmek", "leven",
        "жить", "vivre", "vivir", "morir", "roof", " dak", "крыше", "楼顶", "dach", "toit",
        "azotea", "telhado", "tetto", "çatı", "goodbye everyone", "doei iedereen", "прощайте",
        "再见了大家", "overdos", "выпил таблетки", "一整瓶药", "razor", "刀片", "hurting myself",
        "mezelf pijn", "причиняю себе боль", "伤害自己", "ways to die", "dood te gaan",
        "способы умереть", "死法", "can t keep going", "kan niet meer", "не смогу", "撑不住",
        "kann nicht mehr", "ne peux plus continuer", "no creo que pueda seguir",
        "não consigo continuar", "andare avanti", "devam edebileceğimi",
    ),
    "child_minor": (
        "kid", "minor", "daughter", " son ", "year old", " yo ", "toddler", "little girl",
        "grooming", "dochter", "zoon", "kinder", "meisjes", "дочер", " сын", "ребён", "ребен",
        " дет", "девочк", "педофил", "女儿", "儿子", "小孩", "孩子", "儿童", "小女孩", "恋童",
        "tochter", "sohn", "kindes", "fille", "fils", "enfant", "pédo", "hija", "niños",
        "pedofil", "filha", "crianç", "figlia", "kızım", "yaşındaki", " jaar", " лет", "岁",
        "jährig", " ans", "años", "anos", "anni", "teen", "tiener", "подрост", "baby", "малыш",
        "宝宝", "сына", "blackmail", "chanteert", "шантажир", "勒索", "erpresst", "fait chanter",
        "chantajea", "chantageando", "şantaj", "ricatta", "девочек", "女孩", "child abuse",
        "kids",
    ),
    "dangerous_challenge": (
        "challenge", "pass out", "flamethrower", "laundry pod", "highway", " train", "dangerous",
        "levensgevaarlijk", "spoor", "flauwval", "челлендж", "зацеп", "электрич", "взрывпакет",
        "挑战", "憋气", "晕倒", "火车", "喷射", "mutprobe", "ohnmacht", "s bahn", "défi",
        "évanou", "lance flammes", "reto", "desmay", "techo del tren", "desafio", "desmaiar",
        "akım", "bayılana", "peligros", "gevaarlijk", "опасн", "危险", "gefährlich",
        "fire challenge", "alcohol", "alcool", "спиртом", "酒精", "alkohol", "moving car",
        "rijdende auto", "едущей машины", "行驶的车", "brakes", "jumping from", "springen uit",
        "выпрыгивают", "跳出来", "sfida",
    ),
    "hacked": (
        "hack", "logged in from", "took over", "taken over", "gehackt", "overgenomen",
        "ingelogd vanuit", "взлом", "зашёл в мой", "зашел в мой", "被盗", "盗号", "被黑",
        "异地登录", "hacke", "eingeloggt", "piraté", "pirater", "connecté à mon compte",
        "entró a mi cuenta", "hackerat", "hacklendi", "диран", "login alert", "inlogde uit",
        "входе из другой страны", "外地登录", "compromised", "stolen", "control of my account",
        "hacker", "хакер", "黑客", "被骇", "захватил", "ele geçirdi", "ha preso il mio account",
        "pegou minha conta", "tiene mi cuenta", "a pris mon compte",
    ),
    "password_email_changed": (
        "password was changed", "changed the email", "changed my password",
        "wachtwoord veranderd", "e mail veranderd", "пароль изменён", "сменили пароль",
        "сменили почту", "密码被", "邮箱", "passwort geändert", "mot de passe changé",
        "cambió la contraseña", "cambiaron el correo", "mudaram o email", "cambiato email",
        "değiştirdiler",
    ),
    "ban_suspend": (
        " banned", " bann", " bans", "suspend", "disabled", "unban", "appeal",
        "blocked my account", "geblokkeerd", "verbannen", "geschorst", "bezwaar", "заблокир",
        "забан", " бан ", "ограничили", "обжал", "пересмотр", "封号", "封禁", "申诉", "解封",
        "停权", "被禁", "gesperrt", "sperr", "einspruch", "banni", "suspendu", "bloqué",
        "fais appel", "suspendi", "banear", "apelar", "banid", "recorrer", "bannat", "ricorso",
        "kapatıldı", "itiraz", "restricted", "beperkt", "ограничен", "被限制", "eingeschränkt",
        "restreint", "restringida", "restrita", "kısıtlandı", "limitato", "strike", "on hold",
        "заморозили", "冻结", "lift it", "opheffen", "снимите", "解除", "aufheben", "levez",
        "quítenla", "bot activity", "herzien", "复核",
    ),
    "login": (
        "log in", "login", "verification code", "reset link", "forgot", "wrong password", "inlog",
        "verificatiecode", "wachtwoord vergeten", "войти", "вход", "код подтвержд",
        "восстановлен", "забыл пароль", "登录", "登不上", "验证码", "忘记密码", "重置", "登入",
        "anmelden", "bestätigungscode", "passwort vergessen", "connecter", "code de vérification",
        "mot de passe oublié", "iniciar sesión", "código de verificación", "contraseña", "entrar",
        "código", "accedere", "codice di verifica", "giriş yap", "doğrulama kodu", "login screen",
        "inlogscherm", "экран входа", "登录页面", "login bildschirm", "écran de connexion",
        "pantalla de inicio", "giriş ekranı", "face id", "already in use", "al in gebruik",
        "уже используется", "已被使用", "kicking me back",
    ),
    "impersonation": (
        "pretend", "impersonat", "fake profile", "my name and", "claiming to be",
        "using my photos", "doet zich voor", "nepaccount", "nep account", "met mijn naam",
        "выдаёт себя", "выдает себя", "притворя", "фейковый аккаунт", "фейковая страница",
        "мои фото и имя", "冒充", "假冒", "假账号", "gibt sich als", "fake profil",
        "se fait passer", "faux compte", "hace pasar", "perfil falso", "passando por mim",
        "finge di essere", "sahte hesap", "benim adımla", "podszyw", "copycat", "kopie account",
        "аккаунт копию", "山寨号", "pretending to be my", "doet alsof", "притворяется", "假装是",
        "tut so als", "fait semblant", "finge ser", "gibi davranıyor", "politician s name",
    ),
    "personal_data": (
        "address", "phone number", "doxx", "id card", "leaked", "private photos", "adres",
        "telefoonnummer", "адрес", "номер телефона", "слили", "паспорт", "地址", "住址",
        "电话号码", "身份证", "人肉", "私密照片", "adresse", "handynummer", "numéro de téléphone",
        "dirección", "teléfono", "endereço", "telefone", "indirizzo", "ev adresimi", "full name",
        "medical records", "medische gegevens", "медицинские документы", "病历", "where i work",
        "waar ik werk", "где я работаю", "在哪上班", "wo ich arbeite", "où je travaille",
        "dónde trabajo", "onde eu trabalho", "dove lavoro", "nerede çalıştığımı", "schedule",
        "schicht", "horaires", "horarios", "horários", "orari", "saatlerimi", "teach me a lesson",
        "lesje te leren", "проучить", "教训",
    ),
    "data_request": (
        "gdpr", "my data", "all data", "personal data", "download my", "delete my account",
        "copy of", " avg", "gegevens", "inzage", "персональн", "мои данные", "моих данных",
        "скачать", "удалите мой аккаунт", "копию", "个人数据", "所有数据", "注销", "删除我的",
        "个人资料", "dsgvo", "auskunft", "daten", "rgpd", "données", "datos personales",
        "mis datos", "lgpd", "dados pessoais", "information you store", "信息", "what data",
        "welke gegevens", "какие данные", "哪些数据", "welche daten", "quelles données",
        "qué datos", "quali dati", "veri", "who you share", "met wie", "кому передаёте", "给了谁",
        "weitergebt", "partagez", "comparten", "condividete", "ccpa", "export",
    ),
    "privacy_settings": (
        "private", "setting", "who can", "greyed out", "public again", "find me", "privé",
        "instelling", "закрыт", "настройк", "私密账号", "隐私设置", "设置", "privat",
        "einstellung", "paramètre", "privada", "configuración", "privacidad", "privacy",
        "only friends", "location", "locatie", "местоположение", "геолокац", "定位", "位置",
        "standort", "localisation", "ubicación", "people you may know",
        "make the account private",
    ),
    "vulnerability": (
        "vulnerab", "exploit", "xss", " poc ", "rate limit", "enumerat", "security", " api",
        "responsible disclosure", "beveiligings", "kwetsbaar", "уязвим", "дыра в безопасности",
        "перебира", "漏洞", "安全", "暴力破解", "sicherheitslücke", "faille", "vulnerabilidad",
        "session token", "sessietoken", "токен сессии", "会话令牌", "security bug",
        "beveiligingsfout", "безопасности", "endpoint", "html file",
    ),
    "copyright": (
        "copyright", "reupload", "stole my", "watermark", "dmca", "without permission", "licens",
        "pirat", "auteursrecht", "watermerk", "illegaal", "авторск", "перезалил", "водяной знак",
        "украли моё видео", "пират", "版权", "搬运", "水印", "盗用", "盗播", "侵权", "原创",
        "urheberrecht", "wasserzeichen", "droit d auteur", "filigrane", "derechos de autor",
        "marca de agua", "direitos autorais", "marca d água", "diritto d autore", "telif",
        "filigran", "izinsiz", "rights", "rechten", "права", "course", "cursus", "курс", "课程",
        "beat", "under his name", "onder zijn naam", "под своим именем", "自己的名字",
        "unter seinem namen", "sous son nom", "con su nombre", "kendi adıyla", "without credit",
    ),
    "trademark": (
        "trademark", "counterfeit", "brand", "logo", "fake nike", "namaak", " merk", "товарн",
        "контрафакт", "поддельн", "бренд", "логотип", "商标", "假的", "品牌", "marke",
        "gefälscht", "markenfälschung", "contrefaçon", "falsas", "piratas", "marca",
        "registered logo", "geregistreerde", "зарегистрированный", "注册的商标", "knockoff",
        "山寨", "perfume",
    ),
    "defamation": (
        "defam", "slander", "libel", " lies", " lie ", "false", "not true", "never happened",
        "reputation", "laster", "smaad", "leugen", "клевет", "ложь", "вранье", "не было",
        "репутац", "诽谤", "造谣", "污蔑", "没有这回事", "verleumd", "rufschädig", "diffamat",
        "diffamation", "difamación", "calúnia", "difamação", "ruining", "kost me klanten",
        "rumours", "geruchten", "слухи", "传我", "lügen", "rumeurs", "rumores", "boatos",
        "voci false", "iftira", "calunnia", "made up", "destroying my life",
        "verwoest mijn leven", "рушит мою жизнь", "毁我", "zerstört mein leben", "détruit ma vie",
        "arruinando la vida",
    ),
    "law_enforcement": (
        "police", "detective", "court order", "subpoena", "law enforcement", "politie",
        "justitie", "opsporing", "полиц", "следствен", "уголовн", "постановлен", "警方", "公安",
        "刑事", "法律文书", "polizei", "beschluss", "gendarmerie", "réquisition", "policía",
        "orden judicial", "preservation", "prosecutor", "openbaar ministerie", "прокуратур",
        "检察院", "kidnapping", "case reference", "zaaknummer", "номер дела", "案件编号",
        "legal team",
    ),
    "bug": (
        "crash", "bug", "glitch", "freeze", "won t load", "not working", "doesn t work",
        "spinning", "update", "reinstall", "crasht", "werkt niet", "laden niet", "blijven hangen",
        "вылета", "завис", "не грузятся", "ошибк", "не работает", "обновлен", "闪退", "卡住",
        "转圈", "崩溃", "打不开", "更新", "stürzt", "absturz", "laden nicht", "plante",
        "mise à jour", "se cierra", "no cargan", "actualización", "fecha sozinho", "atualização",
        "si chiude", "çöküyor", "network error", "netwerkfout", "ошибка сети", "网络错误",
        "netzwerkfehler", "erreur réseau", "error de red", "erro de rede", "errore di rete",
        "ağ hatası", "captions", "ondertitels", "субтитры", "字幕", "battery", "upload",
        "загрузить", "传不上",
    ),
    "feature_request": (
        "please add", "add a", "would be", "suggestion", "feature", "bring back", "zou fijn",
        "suggestie", "kunnen jullie", "добавьте", "было бы", "希望", "建议", "功能", "wäre cool",
        "ce serait bien", "estaría genial", "seria legal", "sarebbe bello", "eklenirse", "i wish",
        "idea", "zou graag", "хотелось бы", "j aimerais", "me gustaría", "würde gern",
    ),
    "ads": (
        " ad ", " ads", "advert", "campaign", "promoted", "business account", "shop tab",
        "impressions", "reclame", "advertentie", "zakelijk", "реклам", "бизнес", "广告", "商家",
        "werbung", " pub ", "pubs", "anuncio", "publicidad", "ads keep", "advertenties",
        "реклама посреди", "插广告", "product listings", "prohibited item",
    ),
    "money_payout": (
        "payout", "creator fund", "coins", "gifts", "rewards program", "balance", "charged",
        "refund", "uitbetaling", "munten", "cadeautjes", "выплат", "монет", "подарк", "баланс",
        "收益", "金币", "礼物", "余额", "到账", "auszahlung", "versement", "pago", "pagamento",
        "hediye", "bakiye", "diamonds", "diamanten", "алмазы", "钻石", "diamants", "diamantes",
        "withdraw", "вывод", "提现", "revenue", "auszahlen", "retirar",
    ),
    "feedback": (
        "better last year", "thank", "great", "support is slow", "was better", "love the",
        "complimenten", "was beter", "спасибо", "было лучше", "谢谢", "好用", "以前", "früher",
        "était mieux", "era mejor", "honestly", "love the app", "keep it up", "inconsistent",
        "niet consequent", "непоследовательн", "不统一", "moderation",
    ),
    "promo_offer": (
        "followers", "cheap", " dm ", "telegram", "whatsapp", "apply at", "commission", "signals",
        "per day", "link", "singles", "volgers", "goedkoop", "verdien", "подписчик", "накрутк",
        "заработ", "дёшево", "粉丝", "刷", "加微信", "日赚", "兼职", "follower kaufen", "abonnés",
        "seguidores", "takipçi", "zap", "viral", "百万播放", "only $", "limited stock",
        "order now", "bestel nu", "заказывай", "下单", "数量有限", "количество ограничено",
        "promote your music", "affordable",
    ),
    "staff_insult": (
        "moderator", "support team", "customer service", "you guys", "useless", "idiot",
        "pathetic", "brain dead", "f yourselves", "klantenservice", "sukkel", "waardeloze",
        "модератор", "поддержк", "дебил", "客服", "审核", "废物", "脑残", "傻逼", "垃圾",
        "moderatoren", "vollidiot", "connard", "moderadores", "inútiles", "moderatörler", "aptal",
        "clowns", "клоуны", "小丑", "白痴", "придурки", "morons", "parasites", "pagliacci",
        "payasos", "palhaços", "unfähige",
    ),
    "junk": (
        " test", "asdf", "hello", "hallo", " hi ", "привет", "проверка", "你好", "测试",
        "bonjour", "hola", "lalala", "kkkk", "ывап", "jfjf", "ignore this", "negeer dit",
        "не обращайте внимания", "不用理", "just testing", "testen",
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
                by_stem.setdefault(words_of(stem, pad=False), set()).add(index)
        for stem, indices in by_stem.items():
            self._automaton.add_word(stem, tuple(sorted(indices)))
        self._automaton.make_automaton()

    def concepts(self, normalised_text: str) -> set[int]:
        found: set[int] = set()
        for _, indices in self._automaton.iter(words_of(normalised_text, pad=True)):
            found.update(indices)
        return found


def words_of(text: str, *, pad: bool) -> str:
    """Punctuation becomes a space, so a leading space in a stem means 'start of a word'."""
    words = _NON_WORD.sub(" ", text)
    return f" {words} " if pad else words
