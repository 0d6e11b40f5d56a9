"""The P1 safety net: explicit, high-recall phrases for imminent harm, in many languages.

The trained model is good at what a complaint is about; these rules make sure that what must not
wait (self-harm intent, sexual exploitation of children, credible threats, doxxing or sextortion
with a threat) is never left to a model's off day. They read normalised text (lower case,
simplified Chinese, digits as 0), favour recall over precision, and name themselves in every
decision they touch. A rule matches when every one of its patterns matches.
"""

import re
from dataclasses import dataclass
from functools import cache


def _any(*phrases: str) -> tuple[str, ...]:
    return phrases


# fmt: off
_SELF_HARM = _any(
    # several languages: pills tonight, standing on a roof, goodbye posts, overdoses
    r"(all|alle|toutes les|todas las|todos os|tutte le|все|bütün) (the |my |de |mijn |meine )?"
    r"(pills|tabletten|pilules|pastillas|remédios|pastiglie|таблетки|hapları)",
    r"(tonight|vannacht|heute nacht|ce soir|esta noche|hoje à noite|stanotte|bu gece|сегодня ночью)"
    r".{0,40}(pills|pillen|tabletten|pilules|pastillas|remédios|pastiglie|таблет|hap)",
    r"(on|op|auf|sur|en|no|sul) (the |het |dem |le |la |o )?"
    r"(roof|dak|dach|toit|azotea|telhado|tetto)",
    r"на крыше", r"çatıdayım", r"站在楼顶", r"楼顶",
    r"(keep going|verder kan|kann nicht mehr|peux plus continuer|pueda seguir|consigo continuar|"
    r"andare avanti|devam edebileceğimi|смогу дальше|撑不住)",
    r"goodbye everyone", r"doei iedereen", r"прощайте все", r"再见了大家",
    r"overdos", r"выпил таблетки",
    r"一整瓶药", r"(hurting|hurt) myself", r"mezelf (steeds )?pijn", r"причиняю себе боль",
    r"伤害自己",
    r"waiting to die", r"ждёт смерти", r"等死", r"reason to live", r"zin meer .{0,10}om te leven",
    r"ya no puedo más", r"j'en peux plus", r"não aguento mais", r"non ce la faccio più",
    r"ich kann nicht mehr", r"artık dayanamıyorum", r"я больше не могу",
    # en
    r"kill(ing)? (my|her|him|them)sel(f|ves)", r"end(ing)? (it all|my life|her life|his life)",
    r"take my (own )?life", r"suicid", r"\b(want|wanna|going) to die\b", r"\bwanna die\b",
    r"no reason to live", r"(hang|cut|cutting|hurt) (my|her|him|them)sel(f|ves)",
    r"jump(ing)? off (the|a) (bridge|roof|building)", r"(take|swallow|took) all (the|my) pills",
    r"goodbye (letter|note)", r"\bkms\b",
    # nl
    r"zelfmoord", r"(mezelf|zichzelf) (van kant|dood|iets aan|snij)", r"van kant (te )?maken",
    r"wil (er )?niet meer (leven|zijn)", r"einde aan (te )?maken", r"geen zin meer (om )?te leven",
    # ru / uk
    r"покончить с собой", r"суицид", r"самоубий", r"(убить|убью) себя", r"наглота",
    r"прыгн\w* с (крыши|моста)", r"реж\w* себе", r"вскр\w* вены", r"смысла жить", r"самогубств",
    r"покінчи",
    # zh (simplified: traditional is converted before matching)
    r"自杀", r"轻生", r"不想活", r"割腕", r"跳楼",
    r"从楼上跳", r"结束(自己的)?生命", r"药全吃", r"遗书", r"想死", r"寻死",
    # de
    r"umbringen will", r"mich umbringen", r"sich umbringen", r"selbstmord", r"suizid",
    r"(mir|sich)( \w+)? das leben (zu )?nehmen", r"will (nicht mehr leben|sterben)",
    # fr
    r"(me|se) suicider", r"me tuer", r"envie de mourir", r"plus envie de vivre",
    r"couper les veines", r"sauter du pont",
    # es / pt / it
    r"quitar(me|se)? la vida", r"(me )?quiero morir", r"no quiero (seguir )?vivir",
    r"me (vou )?matar", r"se matar", r"n[aã]o quero mais viver", r"voglio morire",
    r"togliermi la vita",
    # tr / pl / ja / ar / id / vi
    r"intihar", r"ölmek istiyorum", r"zabiję się", r"samobój", r"chcę umrzeć", r"自殺", r"انتحار",
    r"أقتل نفسي", r"bunuh diri", r"ingin mati", r"tự tử", r"muốn chết",
)

_MINOR = _any(
    r"teen(age)?", r"tiener", r"meisjes van", r"i'?m 0{1,2}\b", r"подрост", r"十几岁",
    r"\b0{1,2}\b.{0,12}(look|seem|lijken|лет)",
    r"\b0{1,2} ?(yo|y/o|year|yr)", r"\b(kid|child|children|minor|toddler|little girl)s?\b",
    r"my (daughter|son|niece|nephew)", r"\b(1[0-7]|[0-9]) ?(years? old|yo)\b",
    r"(dochter|zoon|nichtje|neefje|kind|kinderen|minderjarig)", r"0{1,2} jaar",
    r"(дочер|сын|ребён|ребен|дет(и|ей|ям)|несовершеннолет|девоч|0{1,2}[- ]?(лет|летн))",
    r"(女儿|儿子|小孩|孩子|儿童|未成年|小女孩|小朋友|0{1,2}岁)",
    r"(tochter|sohn|kinder|kleinkind|minderjährig|0{1,2}-jährig)",
    r"(ma fille|mon fils|enfant|mineur|0{1,2} ans)", r"(hij[ao]|sobrin|niñ|menor|0{1,2} años)",
    r"(filh[ao]|criança|menor|meninas?|0{1,2} anos)", r"(figli[ao]|bambin|minorenn|0{1,2} anni)",
    r"(kızım|oğlum|çocuk|yeğen|0{1,2} yaşında)", r"(dziec|córk|nieletni)",
)

_SEXUAL_APPROACH = _any(
    r"show (her|his|their) (feet|body)|'more' for coins|voor munten|за монеты|换金币|"
    r"(te laten zien|показать) .{0,20}(meer|больше)|strangers are asking where",
    r"\b(nude|naked|undress|strip|sexual|sexuali[sz]ed|explicit|bathing suit|swimsuit)",
    r"\b(underwear|bikini|snap|secret|don'?t tell|keep it|meet (up|her|him|me))",
    r"(send|sending|asks?|asking|asked|wants?|demand)\w* (for |her |him |me |them )?(more )?"
    r"(photos|pics|pictures|nudes)",
    r"blackmail|extort|grooming|\bcsam\b|child porn|\bcp\b|mature|dares",
    r"(naakt|ondergoed|bikini|seksu|chanteer|gechanteerd|niemand (mag )?vertellen|volwassen)",
    r"(купальник|обнажён|обнажен|пошл|сексуальн|шантаж|никому не|голы|фотк|фото в)",
    r"(泳衣|裸|下流|色情|不要告诉|威胁|加line|加微信|传了照片|成熟)",
    r"(badeanzug|nackt|sexuell|niemandem|erpress)",
    r"(maillot|nue?s?\b|sexuel|rien dire|déshabill)",
    r"(traje de baño|desnud|sin ropa|sexual|no le diga)", r"(pelad|nua|sexual|não contar|fotos)",
    r"(costume|spogliar|nud[ao]|sessual|non dirlo)", r"(çıplak|kimseye söyleme|fotoğraf)",
)
_CHILD_EXPLOITATION = _any(
    r"child porn", r"p[ae]dophil", r"kinderporno", r"kindermisbruik", r"kindesmissbrauch",
    r"педофил", r"детское порно", r"恋童", r"儿童色情", r"pédocrimin", r"pedofilia",
)

_THREAT = _any(
    # several languages: arson with people inside, bringing a weapon, a gun photo with a date
    r"(burn|brand|сожж|烧了|zündet|brûler|quemar|bruciar).{0,40}"
    r"(kids|children|kinderen|kindern|детьми|孩子|enfants|hijos|figli|inside|erin|dedans|dentro)",
    r"(bring|neem|возьму|带把|porto|levo|traigo|ramène|getirip).{0,12}"
    r"(knife|mes|нож|刀|coltello|faca|cuchillo|couteau|bıçak)",
    r"(rifle|geweer|винтовк|步枪|gun|пистолет).{0,60}(mall|winkelcentrum|тц|商场|school|школ)",
    r"孩子一起烧", r"прикончу", r"解决你",
    r"ti faccio fuori", r"acabo com você", r"te acabo", r"işini bitir",
    r"règle ton compte", r"maak ik je af", r"mach dich .{0,20}fertig",
    # en
    r"(i'?ll|i will|i'?m (going|gonna)|he'?s (going|gonna)|he will|they'?re going|gonna|going to)"
    r" (to )?(kill|shoot|stab|murder|bomb|blow up|burn|hurt|come for)",
    r"\b(kill|shoot|stab|murder) (you|u|him|her|everyone|them|me)\b", r"shoot(ing)? up",
    r"bring(ing)? (his |her |my |a |the )?(dad'?s )?(gun|knife|rifle|machete)",
    r"\b(ur|you'?re|youre) dead", r"know where you live",
    # nl
    r"(maak|maken) (je|jou|mij|me) dood", r"vermoord", r"neer(steken|schieten)", r"opblazen",
    r"op te blazen", r"we (komen|pakken) je", r"afmaken",
    r"(met|een) (een )?(mes|pistool|vuurwapen)",
    # ru / uk
    r"убь(ю|ёт|ет)", r"убить тебя", r"зареж", r"застрел", r"перестрел", r"подожж", r"найду тебя",
    r"разберёмся", r"вб'ю",
    # zh
    r"杀了你", r"砍死", r"杀人", r"炸弹", r"捅死", r"打断.{0,4}腿", r"弄死",
    r"带刀", r"开枪", r"烧死",
    # de
    r"absteche?n?|absticht", r"knall\w* .{0,20}ab", r"erschie(ß|ss)",
    r"(mit|eine?) (einem |einer )?(messer|waffe|pistole)", r"besuchen dich",
    # fr
    r"(te|vous|les) tuer", r"je vais (te |vous )?(tuer|buter|planter)", r"faire sauter",
    r"flinguer", r"me planter", r"(un|mon) couteau",
    # es / pt / it
    r"matar(te|me|los)", r"te voy a matar", r"disparar", r"(una|mi) pistola", r"un cuchillo",
    r"vamos por ti", r"(vou|vai) te (matar|pegar)", r"ammazzar", r"ucciderti",
    r"ti (ammazzo|uccido)",
    # tr / pl / ar / ja / id
    r"öldürece", r"öldürürüm", r"bıçakla", r"zabiję cię", r"殺す", r"bunuh kamu",
)

_PERSONAL_DATA = _any(
    r"address|doxx", r"adres", r"адрес", r"地址|住址|住哪", r"adresse|dirección|endereço",
    r"indirizzo",
    r"ev adres",
)
_COMING = _any(
    r"teach me a lesson", r"lesje te leren", r"проучить", r"教训",
    r"pay (her|him|you|me) a visit", r"bring (bats|a knife|knives|guns)", r"coming for",
    r"halen vanavond|komen je|pakken je", r"приедем|приеду|придём|придем", r"带人|找我算账|带刀",
    r"rendre visite|passe te voir|on passe", r"vamos por ti|vamos a ir", r"besuchen dich",
)
_INTIMATE = _any(
    r"nudes|naked|intimate|naakt|интимн|裸照|nackt|nues?\b|desnud|pelad|çıplak",
)
_EXTORTION = _any(
    r"unless|pay or|betaal|or everyone|if i break up|send (it|them) to|post (them|my)",
    r"разослать|вымога", r"除非|转钱|发给我", r"erpress|chantage|extors|chantaj",
)
# fmt: on


@dataclass(frozen=True)
class SafetyRule:
    name: str
    subcategory: str
    phrase_sets: tuple[tuple[str, ...], ...]  # one phrase of every set must occur

    @property
    def patterns(self) -> tuple[tuple[re.Pattern[str], ...], ...]:
        """Per phrase set, the patterns of which one must match."""
        return _compiled(self.phrase_sets)


@cache
def _compiled(
    phrase_sets: tuple[tuple[str, ...], ...],
) -> tuple[tuple[re.Pattern[str], ...], ...]:
    # Phrases that start with a letter are kept apart from the rest: re then scans for their
    # first letters instead of trying every phrase at every position, several times faster.
    compiled = []
    for phrases in phrase_sets:
        plain = [p for p in phrases if re.match(r"[^\\(\[.]", p)]
        other = [p for p in phrases if p not in plain]
        compiled.append(tuple(re.compile("|".join(group)) for group in (plain, other) if group))
    return tuple(compiled)


RULES: tuple[SafetyRule, ...] = (
    SafetyRule("self-harm intent", "self_harm", (_SELF_HARM,)),
    SafetyRule("child sexual exploitation", "child_safety", (_CHILD_EXPLOITATION,)),
    SafetyRule("sexual approach to a minor", "child_safety", (_SEXUAL_APPROACH, _MINOR)),
    SafetyRule("doxxing with a threat", "personal_data_exposed", (_COMING, _PERSONAL_DATA)),
    SafetyRule("sextortion", "personal_data_exposed", (_EXTORTION, _INTIMATE)),
    SafetyRule("violent threat", "violence_threats", (_THREAT,)),
)
# fmt: on


@dataclass(frozen=True)
class SafetyMatch:
    rule: str
    subcategory: str
    phrases: tuple[str, ...]

    def describe(self) -> str:
        quoted = ", ".join(repr(p) for p in self.phrases)
        return f"safety rule '{self.rule}' matched {quoted}"


def imminent_harm(normalised_text: str) -> list[SafetyMatch]:
    """Every safety rule the text satisfies, with the phrases that made it match."""
    matches = []
    for rule in RULES:
        found = []
        for patterns in rule.patterns:
            match = next(filter(None, (p.search(normalised_text) for p in patterns)), None)
            if not match:
                break
            found.append(match.group(0).strip())
        else:
            matches.append(SafetyMatch(rule.name, rule.subcategory, tuple(found)))
    return matches
