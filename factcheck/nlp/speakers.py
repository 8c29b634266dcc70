"""Speaker coreference inside one article: names, surnames, roles and pronouns to one entity.

Mentions are resolved in text order (a pronoun or a dropped subject is the latest speaker),
then a final pass joins entities that turn out to be one person: a role seen before the
name (``وزیر ارتباطات`` ... ``عیسی زارعپور، وزیر ارتباطات``) or a surname seen before the
full name. The speaker reported is always the fullest name the article gives.
"""

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .lexicon import GENERIC_ANAPHOR_HEADS, GIVEN_NAMES, OUTLET_HEADS
from .names import (
    Mention,
    canonical_name,
    describes_people,
    is_anonymous_source,
    is_common_phrase,
    is_first_name,
    is_given_name,
    is_group,
    is_indefinite,
    is_not_one_person,
    is_office_of_person,
    is_organisation_head,
    is_plural_of_common_noun,
    is_plural_title,
    is_role_head,
    is_state,
    name_words,
    names_match,
    role_abbreviates,
    role_head,
    role_matches,
    role_within,
)
from .text import ZWNJ, fold_key

_GENERIC_HEADS = {name_words(h)[0] for h in GENERIC_ANAPHOR_HEADS}
_MISSPELT_MIN_LETTERS = 5  # "کریم" and "کریمی" are two names; "اسماعیل" and "اسماعیلی" one slip


def _edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted or replaced to turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            )
        previous = current
    return previous[-1]


_OUTLET_HEADS = {name_words(h)[0] for h in OUTLET_HEADS}
# Longest first: "امیرحسین" before "امیر".
_GIVEN_NAME_WORDS = sorted({name_words(g)[0] for g in GIVEN_NAMES}, key=len, reverse=True)


def _shortens(word: str, full_name: str) -> bool:
    """A one-word mention that news uses for a longer surname.

    ``رحیم‌پور`` for ``حسن رحیم‌پور ازغدی`` (the first part of a two-word surname),
    ``موسوی`` for ``محمدعلی موسوی‌مبارکه`` (the first part of a joined one), ``شمری`` for
    ``ابراهیم الشمری`` (an Arabic surname without its article).
    """
    words = name_words(full_name)
    if len(words) < 2:
        return False
    if words[1:-1] == [word]:
        return True
    if words[0] == word and len(words) == 2:
        return True  # "وینگو با اشاره به ... عنوان کرد" for وینگو بگوویچ: a first name alone
    surname = full_name.split()[-1]
    if ZWNJ in surname and name_words(surname.split(ZWNJ)[0]) == [word]:
        return True
    return words[-1].startswith("ال") and words[-1][2:] == word


def _given_name_glued(a: str, b: str) -> bool:
    """``امیرقلعه نویی`` and ``قلعه نویی``, ``سید محمدعلوی`` and ``علوی``: a first name
    written joined to the surname; the shorter name ends the longer read apart."""
    for short, long in ((name_words(a), name_words(b)), (name_words(b), name_words(a))):
        apart = [part for word in long for part in _given_name_apart(word)]
        if short and len(apart) > len(long) and apart[-len(short) :] == short:
            return True
    return False


@functools.cache
def _given_name_apart(word: str) -> tuple[str, ...]:
    """``محمدعلوی`` -> ``محمد``, ``علوی``; a given name itself (محمدرضا) stays whole."""
    if is_given_name(word):
        return (word,)
    given = next((g for g in _GIVEN_NAME_WORDS if word.startswith(g)), "")
    rest = word[len(given) :]
    return (given, rest) if given and len(rest) >= 3 else (word,)


def _word_prefix(short: list[str], full: list[str]) -> bool:
    """``مرکز پژوهشها`` begins ``مرکز پژوهشهای مجلس``: whole words, the last one whole or
    the start of the full name's word (پژوهشها / پژوهشهای)."""
    if len(short) >= len(full) or short[:-1] != full[: len(short) - 1]:
        return False
    return full[len(short) - 1].startswith(short[-1])


def _shortened_inside(short: list[str], full: list[str]) -> bool:
    """``وزارت کشاورزی ژاپن`` for ``وزارت کشاورزی و شیلات ژاپن``: a body's name with words
    left out inside it, its kind, its first qualifier and its last word kept (two words alone,
    ``دانشگاه تهران`` beside ``دانشگاه علوم پزشکی تهران``, may name another body)."""
    if len(short) < 3 or len(short) >= len(full) or short[:2] != full[:2] or short[-1] != full[-1]:
        return False
    rest = iter(full[2:-1])
    return all(word in rest for word in short[2:-1])


def _holds_after_first_name(full: list[str], inner: list[str]) -> bool:
    """``عبدالحسین روح الامینی نجف آبادی`` holds ``روح الامینی`` right after its first name."""
    return (
        len(full) > len(inner) + 1 and is_first_name(full[0]) and full[1 : 1 + len(inner)] == inner
    )


@dataclass
class Entity:
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    is_organisation: bool = False
    headline_only: bool = False  # known only from a headline's shortened role
    named_in_headline: bool = False  # first met as a headline's speaker
    set_apart: bool = False  # once called another speaker (نیز, دیگر) or quoted inside a quote

    @property
    def fullest_name(self) -> str:
        return max(self.names, key=lambda n: (len(name_words(n)), len(n)), default="")

    @property
    def fullest_role(self) -> str:
        return max(self.roles, key=lambda r: (len(name_words(r)), len(r)), default="")


@dataclass(frozen=True)
class ResolvedSpeaker:
    name: str  # canonical fullest name, or the fullest role when the article never names them
    role: str
    is_organisation: bool


# The surnames of the Leader and of the late Imam, as name_words writes them.
_LEADERS = (name_words("خامنه‌ای")[0], name_words("خمینی")[0])
_LEADER_TITLES = {" ".join(name_words(t)) for t in ("مقام معظم رهبری", "رهبری", "رهبر", "حضرت آقا")}
_IMAM_TITLES = {" ".join(name_words(t)) for t in ("امام", "امام راحل", "حضرت امام")}


def _leaders_titled(roles: list[str]) -> tuple[str, ...]:
    """Which of _LEADERS a speaker's titles can name: the Leader for رهبر معظم انقلاب, the
    late Imam for امام راحل, either for رهبر انقلاب."""
    found: set[str] = set()
    for role in roles:
        words = name_words(role)
        joined = " ".join(words)
        named = [leader for leader in _LEADERS if leader in words]  # "امام خمینی"
        if named:
            found.update(named)
        elif joined in _IMAM_TITLES or (words[:1] == ["بنیانگذار"] and "جمهوری" in words):
            found.add(_LEADERS[1])
        elif joined in _LEADER_TITLES or (
            # "رهبر عالیقدر جمهور اسلامی ایران": جمهوری as some copy misspells it
            words[:1] == ["رهبر"] and {"انقلاب", "جمهوری", "جمهور"} & set(words)
        ):
            found.add(_LEADERS[0])
            if not {"معظم", "فرزانه", "عالیقدر"} & set(words):
                found.add(_LEADERS[1])
    return tuple(sorted(found))


def _kept_unnamed(roles: list[str]) -> bool:
    """A group (برخی از ...) or a source the article keeps anonymous (یک منبع آگاه): never the
    person it names elsewhere."""
    return any(is_group(r) or is_anonymous_source(r) for r in roles)


def _takes_a_title(mention: Mention) -> bool:
    """A person's full name, given bare: the one a title just quoted may belong to."""
    words = name_words(mention.name)
    return (
        mention.mention_type == "name"
        and not mention.role
        and not mention.is_organisation
        and len(words) >= 2
        and (is_first_name(words[0]) or not is_common_phrase(mention.name))
    )


_IRAN = fold_key("ایران")
# "رئیس جمهور کشورمان": our country, in Iranian news.
_OUR_COUNTRY = fold_key("کشورمان")


def _countries_in(role: str) -> set[str]:
    """The countries a title names (``سخنگوی وزارت خارجه کره شمالی``: کره شمالی)."""
    words = name_words(role)
    found = set()
    for index, word in enumerate(words):
        pair = " ".join(words[index : index + 2])
        if len(words) > index + 1 and is_state(pair):
            found.add(fold_key(pair))
        elif is_state(word):
            found.add(fold_key(word))
        elif fold_key(word) == _OUR_COUNTRY:
            found.add(_IRAN)
    return found


class SpeakerResolver:
    """Assigns each mention an entity id; :meth:`speaker` answers after all are added."""

    def __init__(self) -> None:
        self._entities: list[Entity] = []
        self._parent: list[int] = []
        self._last_speaker: int | None = None
        self._last_mentioned: int | None = None
        self._last_author: int | None = None
        # A title that continued a named speaker, kept apart for one more mention: (title's
        # entity, the named speaker's).
        self._continuing: tuple[int, int] | None = None

    def _find(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def _union(self, keep: int, other: int) -> None:
        keep, other = self._find(keep), self._find(other)
        if keep == other:
            return
        self._parent[other] = keep
        target, source = self._entities[keep], self._entities[other]
        target.names.extend(source.names)
        target.roles.extend(source.roles)
        target.is_organisation = target.is_organisation or source.is_organisation
        target.headline_only = target.headline_only and source.headline_only
        target.set_apart = target.set_apart or source.set_apart

    def _new(self, mention: Mention) -> int:
        entity = Entity(
            is_organisation=mention.is_organisation,
            headline_only=mention.headline,
            named_in_headline=mention.headline and bool(mention.name),
        )
        if mention.name:
            entity.names.append(mention.name)
        if mention.role:
            entity.roles.append(mention.role)
        self._entities.append(entity)
        self._parent.append(len(self._parent))
        return len(self._entities) - 1

    def _roots(self) -> list[int]:
        """Live entities, most recently created first."""
        return [i for i in reversed(range(len(self._entities))) if self._find(i) == i]

    def _by_name(self, name: str) -> int | None:
        for index in self._roots():
            if any(
                (names_match(name, known) or _given_name_glued(name, known))
                and not is_office_of_person(name, known)
                for known in self._entities[index].names
            ):
                return index
        # "رحیم‌پور" after "حسن رحیم‌پور ازغدی": the first part of a two-word surname, when
        # one person alone has it.
        words = name_words(name)
        if len(words) == 1:
            holders = [
                index
                for index in self._roots()
                if any(_shortens(words[0], known) for known in self._entities[index].names)
            ]
            if len(holders) == 1:
                return holders[0]
        # "مرکز پژوهشها" after "مرکز پژوهش‌های مجلس شورای اسلامی": an organisation is shortened
        # from the end, its first words kept.
        if len(words) >= 2:
            for index in self._roots():
                entity = self._entities[index]
                if entity.is_organisation and any(
                    _word_prefix(words, name_words(known))
                    or _shortened_inside(words, name_words(known))
                    or _shortened_inside(name_words(known), words)
                    for known in entity.names
                ):
                    return index
        # "«اتحادیه» از ... انتظار دارد" after "اتحادیه بین‌المللی زنان مسلمان": a body's kind
        # alone, when one body of that kind is known.
        if len(words) == 1 and is_organisation_head(words[0]):
            bodies = [
                index
                for index in self._roots()
                if self._entities[index].is_organisation
                and any(name_words(known)[:1] == words for known in self._entities[index].names)
            ]
            if len(bodies) == 1:
                return bodies[0]
        return None

    def _by_role(self, role: str, *, unnamed_only: bool = False) -> int | None:
        for index in self._roots():
            entity = self._entities[index]
            if unnamed_only and entity.names:
                continue
            if any(role_matches(role, known) for known in entity.roles):
                return index
        return None

    def _by_noun(self, phrase: str) -> int | None:
        """The latest entity whose name or role contains the head noun of ``این <phrase>``."""
        head = name_words(phrase)[:1]
        for index in self._roots():
            entity = self._entities[index]
            for known in entity.names + entity.roles:
                if head and head[0] in name_words(known):
                    return index
        return None

    def add_author(self, mention: Mention) -> int | None:
        """A person who wrote the document quoted below (a lead subject, a named author)."""
        index = self.add(mention, speaks=False)
        self._last_author = index
        return index

    def add(self, mention: Mention, *, speaks: bool = True) -> int | None:
        """Resolve one mention; returns its entity id (None for an unresolvable pronoun)."""
        continuing, self._continuing = self._continuing, None
        if continuing is not None and not _takes_a_title(mention):
            self._settle(*continuing)
            continuing = None
        index = self._add(mention, speaks=speaks)
        if continuing is not None:
            self._settle(*continuing)
        return index

    def _settle(self, title: int, named: int) -> None:
        """``مدیر زراعت ... حسن عنایتی`` then ``مدیر شرکت توسعه ... گفت`` and ``کیوان فرهنگ‌آسا
        ... افزود``: a new title after a named speaker is that speaker's, unless a name the
        article had not given before comes right after it and takes the title."""
        if not self._entities[self._find(title)].names:
            self._union(named, title)

    def _add(self, mention: Mention, *, speaks: bool) -> int | None:
        if (
            mention.document
            and not (mention.name or mention.role)
            and self._last_author is not None
        ):
            self._last_speaker = self._last_author if speaks else self._last_speaker
            return self._last_author
        if mention.mention_type in {"pronoun", "none"}:
            return self._last_speaker if self._last_speaker is not None else self._last_mentioned
        if mention.anaphoric:
            index = self._by_noun(mention.role)
            if index is None and (
                role_head(mention.role) in _GENERIC_HEADS or self._fits_last_speaker(mention)
            ):
                index = self._last_speaker
            if (
                index is None
                and self._last_speaker is None
                and self._last_mentioned is not None
                and any(
                    is_first_name(name.split()[0])
                    for name in self._entities[self._find(self._last_mentioned)].names
                )
            ):
                # "این ورزشکار" before anyone has spoken: the person the lead named
                index = self._last_mentioned
            if index is not None:
                self._last_speaker = index if speaks else self._last_speaker
                return index
        if mention.name:
            index = self._by_name(mention.name)
            if index is None and mention.role:
                index = self._by_role(mention.role, unnamed_only=True)
            if index is None:
                # A name seen for the first time may be the title-only speaker just quoted.
                index = self._join_unnamed_previous_speaker(self._new(mention), mention)
            else:
                entity = self._entities[index]
                entity.names.append(mention.name)
                if mention.role:
                    entity.roles.append(mention.role)
                entity.is_organisation = entity.is_organisation or mention.is_organisation
        else:
            index = self._by_role(mention.role)
            if index is None and self._continues_named_speaker(mention):
                assert self._last_speaker is not None
                index = self._new(mention)
                self._continuing = (index, self._last_speaker)
            elif index is None:
                index = self._new(mention)
            else:
                self._entities[index].roles.append(mention.role)
        if mention.another:
            self._entities[self._find(index)].set_apart = True
        if speaks:
            self._last_speaker = index
        else:
            self._last_mentioned = index
        if mention.document:
            self._last_author = index
        return index

    def _fits_last_speaker(self, mention: Mention) -> bool:
        """``این فرمانده ارشد انتظامی`` after ``رضا اکبری ... اظهار داشت``: a new title under
        this/that points back to the speaker just quoted, when it can name that speaker (a
        title for a person, an organisation noun such as روزنامه for a paper). Other nouns
        (``این نشست``) are the occasion, not an anaphor."""
        if self._last_speaker is None:
            return False
        previous = self._entities[self._find(self._last_speaker)]
        head = role_head(mention.role)
        if is_role_head(head):
            return not previous.is_organisation
        return is_organisation_head(head)

    def _continues_named_speaker(self, mention: Mention) -> bool:
        """A new title right after a named speaker is that speaker's second title.

        ``فرهنگی ... افزود`` then ``عضو کمیسیون بودجه تاکید کرد``: agency copy varies how it
        names the one person it quotes; a new speaker comes with ``نیز`` or ``دیگر``.
        """
        if mention.another or mention.anaphoric or self._last_speaker is None:
            return False
        if is_not_one_person(mention.role):
            return False  # "یک منبع در سازمان ملل", "شاکیان", "مسئولان عراقی": someone else
        if _leaders_titled([mention.role]):
            return False  # "مقام معظم رهبری" quoted by a minister is never the minister
        previous = self._entities[self._find(self._last_speaker)]
        if all(is_plural_of_common_noun(name.split()[0]) for name in previous.names):
            return False  # "دستیاران رئیس‌جمهور": people described, not one named person
        countries = _countries_in(mention.role)
        known = {
            country
            for role in previous.roles
            if is_role_head(role_head(role))
            for country in _countries_in(role)
        }
        if countries and known and not countries & known:
            # "کالین پاول، وزیر خارجه آمریکا" then "سخنگوی وزارت خارجه کره شمالی گفت":
            # a title of another country is another person's.
            return False
        return bool(previous.names) and not previous.is_organisation

    def _join_unnamed_previous_speaker(self, index: int, mention: Mention) -> int:
        """``استاندار اردبیل گفت: ...`` then ``علی نیکزاد ... افزود: ...``: one person.

        News names a role in the lead and the person in the next statement; a bare name
        right after a speaker known only by role is that speaker.
        """
        previous = self._last_speaker
        if previous is None or mention.is_organisation or mention.another:
            return index
        if describes_people(mention.name):
            return index  # "مخاطبان این رسانه": people described, not the title's holder
        if mention.role and not any(
            role_head(mention.role) == role_head(known) or role_within(known, mention.role)
            for known in self._entities[self._find(previous)].roles
        ):
            return index
        previous, index = self._find(previous), self._find(index)
        if all(is_organisation_head(role_head(r)) for r in self._entities[previous].roles):
            return index  # "یک روزنامه آمریکایی" then "ناصر هادیان": a person is no paper
        if (
            previous != index
            and not self._entities[previous].names
            and self._entities[previous].roles
            # "برخی از وزیران نفت اوپک": some of a group, not the person named next; "یک
            # مقام ارشد دولت جانسون": a source kept anonymous, not the person named next
            and not _kept_unnamed(self._entities[previous].roles)
            # "اعضای تیم ملی تاکید داشتند" then "حامد آفاق: ...": one of many, not their title
            and not any(is_plural_title(r) for r in self._entities[previous].roles)
        ):
            self._union(index, previous)
        return self._find(index)

    def title_only(self, index: int | None) -> str:
        """The fullest title of a speaker the article has not named, or ""."""
        if index is None:
            return ""
        entity = self._entities[self._find(index)]
        return "" if entity.names else entity.fullest_role

    def name(self, index: int, name: str) -> None:
        """Give a speaker known only by title the name the article introduces them by."""
        entity = self._entities[self._find(index)]
        if not entity.names and not entity.is_organisation:
            entity.names.append(name)

    def surnames(self) -> dict[int, str]:
        """People known by one word alone (``لاریجانی``), by entity."""
        return {
            index: entity.names[0]
            for index in self._roots()
            if (entity := self._entities[index]).names
            and not entity.is_organisation
            and len(name_words(entity.fullest_name)) == 1
        }

    def organisations(self) -> dict[int, str]:
        """Bodies and states, by entity, with the fullest name each is given so far."""
        return {
            index: entity.fullest_name
            for index in self._roots()
            if (entity := self._entities[index]).names and entity.is_organisation
        }

    def people_by_last_word(self, other_than: int | None) -> dict[str, int]:
        """The people known so far, other than ``other_than``, by the folded last word of
        each of their names; the latest one where two share it."""
        excluded = self._find(other_than) if other_than is not None else None
        by_key: dict[str, int] = {}
        for index in self._roots():  # the latest entity first
            entity = self._entities[index]
            if entity.is_organisation or index == excluded:
                continue
            for name in entity.names:
                last = name.split()[-1]
                if len(last) > 2:  # not "ها" of "بچه ها", which stands everywhere
                    by_key.setdefault(fold_key(last), index)
        return by_key

    def named_in_full(self, index: int, name: str) -> None:
        """The article gives the full name of a person it quotes by surname alone."""
        self._entities[self._find(index)].names.append(name)

    def wrote(self, index: int) -> None:
        """The speaker just resolved wrote what follows (a paper's report, a statement): a
        later ``این گزارش`` or ``در این گزارش`` with no author named is theirs."""
        self._last_author = index

    def also_called(self, index: int, nickname: str) -> None:
        """The person is also known by a nickname (ملقب به ...): a speaker already called by
        it is the same person, and so is one called by it later."""
        other = self._by_name(nickname)
        if other is not None and self._find(other) != self._find(index):
            self._union(index, other)
        entity = self._entities[self._find(index)]
        if not any(names_match(nickname, known) for known in entity.names):
            entity.names.append(nickname)

    def same_person(self, named: int, titled: int) -> None:
        """Join a speaker known only by title to the named speaker the body opens with, even one
        given a title of their own; not a group (برخی از ...), which no one person is."""
        named, titled = self._find(named), self._find(titled)
        person, title = self._entities[named], self._entities[titled]
        if named == titled or title.names or title.is_organisation or person.is_organisation:
            return
        if any(describes_people(name) for name in person.names):
            return  # "مخاطبان این رسانه ... خواستار ... شدند": readers, not the lead's official
        if not any(is_group(r) or is_plural_title(r) for r in title.roles):
            self._union(named, titled)

    def finish(self) -> None:
        """Join entities that are one speaker: role-only into named, surname-only into full name."""
        if self._continuing is not None:
            self._settle(*self._continuing)
            self._continuing = None
        for index in self._roots():
            entity = self._entities[index]
            if entity.names or not entity.roles:
                continue
            for other in self._roots():
                if other == index or not self._entities[other].names:
                    continue
                if any(
                    role_matches(r, known)
                    for r in entity.roles
                    for known in self._entities[other].roles
                ):
                    self._union(other, index)
                    break
        for index in self._roots():
            entity = self._entities[index]
            if entity.names or not entity.headline_only:
                continue
            # A headline shortens the role the article then gives in full: the one named
            # speaker holding such a role is the headline's speaker.
            holders = [
                other
                for other in self._roots()
                if other != index
                and self._entities[other].names
                and any(
                    role_abbreviates(r, known)
                    for r in entity.roles
                    for known in self._entities[other].roles
                )
            ]
            if len(holders) == 1:
                self._union(holders[0], index)
        for index in self._roots():
            entity = self._entities[index]
            if not entity.names or any(len(name_words(n)) > 1 for n in entity.names):
                continue
            matches = [
                other
                for other in self._roots()
                if other != index
                and any(
                    (
                        names_match(entity.names[0], n)
                        or _shortens(name_words(entity.names[0])[0], n)
                    )
                    and not is_office_of_person(entity.names[0], n)
                    for n in self._entities[other].names
                )
            ]
            if len(matches) == 1:
                self._union(matches[0], index)
        # "روح الامینی:" in the headline, "عبدالحسین روح الامینی نجف آبادی" in the body: a
        # surname of two words (its ZWNJ lost) inside the one full name that holds it after a
        # first name.
        for index in self._roots():
            entity = self._entities[index]
            if entity.is_organisation or not entity.names:
                continue
            if any(
                len(name_words(n)) != 2 or is_first_name(name_words(n)[0]) for n in entity.names
            ):
                continue
            inner = name_words(entity.names[0])
            holders = [
                other
                for other in self._roots()
                if other != index
                and not self._entities[other].is_organisation
                and any(
                    _holds_after_first_name(name_words(n), inner)
                    for n in self._entities[other].names
                )
            ]
            if len(holders) == 1:
                self._union(holders[0], index)

    def join_leaders_titles(self, titles_written: list[str]) -> None:
        """``رهبر معظم انقلاب اسلامی`` and ``امام راحل`` are how news calls the Leader and the
        late Imam, whom the article names elsewhere: a speaker known by such a title alone is
        the one of them the article names (the Leader for رهبر انقلاب, unless only Khomeini
        is named: a story of 1979).

        One the article never names is called by the fullest of those titles it writes for
        the same one of them (``حضرت آقا فرمودند`` where ``مقام معظم رهبری`` stands too)."""
        written = {title: _leaders_titled([title]) for title in titles_written}
        for index in self._roots():
            entity = self._entities[index]
            leaders = set(_leaders_titled(entity.roles))
            if entity.names or not leaders:
                continue
            # "حضرت آقا" may be either of them; the titles written tell which.
            same = [t for t, whose in written.items() if whose and set(whose) <= leaders]
            if len({leader for t in same for leader in written[t]}) == 1:
                # "امام خمینی" before "بنیانگذار جمهوری اسلامی": the title holding the name
                entity.roles.append(
                    max(
                        same,
                        key=lambda t: (
                            bool(set(name_words(t)) & set(_LEADERS)),
                            len(name_words(t)),
                            len(t),
                        ),
                    )
                )
        named = {
            key: [
                i
                for i in self._roots()
                if any(key in name_words(n) for n in self._entities[i].names)
            ]
            for key in _LEADERS
        }
        for index in self._roots():
            entity = self._entities[index]
            if entity.names or not entity.roles:
                continue
            holders = [person for key in _leaders_titled(entity.roles) for person in named[key]]
            if len(holders) == 1:
                self._union(holders[0], index)

    def join_unnamed_outlet(self, named_in_text: dict[str, set[str]]) -> None:
        """``یک روزنامه آمریکایی ... اعلام کرد`` in the lead, and ``روزنامه واشنگتن تایمز`` in
        the body or ``واشنگتن تایمز:`` in the headline: agency copy holds the paper's name back
        in the lead. When the article quotes one outlet of that kind by name, or else names one
        in its text (``named_in_text``: names by folded head, ``روزنامه «دیلی تلگراف»``), or
        else credits one organisation or outlet in its headline, the unnamed one is it."""
        for index in self._roots():
            entity = self._entities[index]
            if entity.names or not entity.roles or not all(is_indefinite(r) for r in entity.roles):
                continue
            heads = {name_words(role)[1] for role in entity.roles if len(name_words(role)) > 1}
            if not heads or not all(head in _OUTLET_HEADS for head in heads):
                continue
            named = [
                i
                for i in self._roots()
                if self._entities[i].names
                and any(role_head(r) in heads for r in self._entities[i].roles)
            ]
            in_text = set().union(*(named_in_text.get(head, set()) for head in heads))
            if not named and len(in_text) == 1:
                entity.names.append(in_text.pop())
                continue
            if not named:
                named = [
                    i
                    for i in self._roots()
                    if self._entities[i].named_in_headline
                    and not any(is_first_name(name_words(n)[0]) for n in self._entities[i].names)
                    and all(is_organisation_head(role_head(r)) for r in self._entities[i].roles)
                ]
            if len(named) == 1:
                self._union(named[0], index)

    def join_misspelt_names(self, uses: Callable[[str], int]) -> None:
        """``حسنی‌پور`` and ``محمدنبی حسینی‌پور``, ``تحت روانچی`` and ``مجید تخت روانچی`` in one
        article: a name one letter off the end of another person's fuller name, with the same
        first letter, is a typing slip, not a second person. The spelling the article
        (``uses``: how often it writes a name) writes more often is kept; the fuller one on a tie.
        """
        people = [
            i
            for i in self._roots()
            if self._entities[i].names and not self._entities[i].is_organisation
        ]
        for index in people:
            written = self._entities[self._find(index)].fullest_name
            short = [w for w in name_words(written) if w]
            for other in people:
                other = self._find(other)
                full_written = self._entities[other].fullest_name
                full = [w for w in name_words(full_written) if w]
                tail = full[-len(short) :] if short else []
                if (
                    other == self._find(index)
                    or not short
                    or len(short) > len(full)
                    or len("".join(short)) < _MISSPELT_MIN_LETTERS
                    or short == tail
                    or short[0][0] != tail[0][0]
                    or _edit_distance(" ".join(short), " ".join(tail)) != 1
                ):
                    continue
                slip = tail if uses(" ".join(short)) > uses(" ".join(tail)) else short
                self._union(other, index)
                entity = self._entities[self._find(other)]
                kept = [n for n in entity.names if name_words(n)[-len(short) :] != slip]
                if slip is tail and len(full_written.split()) == len(full):
                    # the short spelling is the article's: give it the first names
                    first_names = full_written.split()[: len(full) - len(short)]
                    kept.append(" ".join([*first_names, written]))
                entity.names = kept or entity.names
                break

    def join_lone_title_to_lone_name(self) -> None:
        """The article's one title-only person and its one named person given no title are one.

        ``معاون هماهنگی امور اقتصادی استانداری اردبیل گفت: ...`` in the lead, and paragraphs
        later ``ارژنگ عزیزی ... اظهار کرد: ...``: agency copy gives the title and the name in
        different places, never together. Anonymous sources (``یکی از شهروندان``) stay apart.
        """
        people = [i for i in self._roots() if not self._entities[i].is_organisation]
        titled = [
            i
            for i in people
            if not self._entities[i].names
            and self._entities[i].roles
            and not any(is_not_one_person(r) for r in self._entities[i].roles)
        ]
        named = [
            i
            for i in people
            if self._entities[i].names
            and not self._entities[i].roles
            and any(len(name_words(n)) >= 2 for n in self._entities[i].names)
            and not any(describes_people(n) for n in self._entities[i].names)
        ]
        # "برانکو: ..." in the headline, then "سرمربی پرسپولیس ... گفت": the person the
        # headline names, if given no title, is the one title-only person's holder.
        headlined = [
            i for i in people if self._entities[i].named_in_headline and not self._entities[i].roles
        ]
        if (
            len(titled) == 1
            and len(headlined) == 1
            and not _kept_unnamed(self._entities[titled[0]].roles)
        ):
            named = headlined
        if len(titled) != 1 or len(named) != 1:
            return
        title, person = titled[0], named[0]
        # The title comes first, then the name, unless a headline named the person first or
        # the name is a person's, with a first name ("یحیی گل محمدی که ... پاسخ داد" in the
        # lead, then "سرمربی ذوب آهن ... گفت"); a speaker called "another" is someone else.
        named_first = self._entities[person].named_in_headline or is_first_name(
            name_words(self._entities[person].fullest_name)[0]
        )
        if (title < person or named_first) and not (
            self._entities[title].set_apart or self._entities[person].set_apart
        ):
            self._union(person, title)

    def join_lead_title_to_main_speaker(self, lead: list[int], spoken: list[int]) -> None:
        """The one title the lead quotes, never named, is the named person the article
        quotes most.

        ``کاپیتان هلندی توپچی ها تاکید کرد که ...`` in the lead, then ``فان پرسی گفت: ...``
        through the body: sports copy calls its subject by an epithet first and names them
        later, beside other people it names in passing. Only a clear first (quoted at least
        twice, more than anyone else) is taken, and only if its own titles, if any, share a
        word with the lead's (``گلر بلژیکی`` and ``دروازه بان بلژیکی رئال``).
        """
        titled = {
            self._find(i)
            for i in lead
            if not (entity := self._entities[self._find(i)]).names
            and entity.roles
            and not entity.is_organisation
            and not entity.set_apart
            and not any(is_not_one_person(r) or is_plural_title(r) for r in entity.roles)
            and not _kept_unnamed(entity.roles)
            and not _leaders_titled(entity.roles)
        }
        if len(titled) != 1:
            return
        title = titled.pop()
        ranked = Counter(
            root
            for root in map(self._find, spoken)
            if (entity := self._entities[root]).names
            and not entity.is_organisation
            and not entity.set_apart
        ).most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return
        person = ranked[0][0]
        if any(describes_people(name) for name in self._entities[person].names):
            return
        title_words = {w for r in self._entities[title].roles for w in name_words(r)}
        person_roles = self._entities[person].roles
        if person_roles and not any(title_words & set(name_words(r)) for r in person_roles):
            return  # "شهردار منطقه ۹" quoted most is not the lead's "رئیس اداره کل اجرائیات"
        self._union(person, title)

    def join_first_name_to_surname(self) -> None:
        """``سلمان در مراسم ... اظهار داشت`` and later ``روحی ... افزود``: copy that drops the
        surname once and the first name after. The article's one person known by a first name
        alone and its one person known by another single word alone are one, named by both."""
        people = [
            i
            for i in self._roots()
            if (entity := self._entities[i]).names
            and not entity.is_organisation
            and all(len(name_words(n)) == 1 for n in entity.names)
        ]
        first = [i for i in people if all(is_first_name(n) for n in self._entities[i].names)]
        last = [
            i
            for i in people
            if i not in first
            and not any(
                is_common_phrase(n)
                or is_indefinite(n)
                or is_role_head(n)
                or is_plural_of_common_noun(n)
                for n in self._entities[i].names
            )
        ]
        if len(first) != 1 or len(last) != 1 or first[0] > last[0]:
            return  # the first name is written first
        person, surname = self._entities[first[0]], self._entities[last[0]]
        if person.set_apart or surname.set_apart:
            return
        full = f"{person.names[0]} {surname.names[0]}"
        self._union(first[0], last[0])
        self._entities[self._find(first[0])].names.append(full)

    def speaker(self, index: int | None) -> ResolvedSpeaker | None:
        if index is None:
            return None
        entity = self._entities[self._find(index)]
        role = entity.fullest_role
        name = entity.fullest_name or role
        return ResolvedSpeaker(
            name=canonical_name(name), role=role, is_organisation=entity.is_organisation
        )
