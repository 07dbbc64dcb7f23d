"""When the pain is at its worst: getting up, night shifts, the whole day, "comes and goes", and
clauses that only say more about the moment before them, in English, French and Flemish."""

from __future__ import annotations

import pytest

from tests.triage.test_interview_answers import read


def worst(text: str) -> list[str]:
    return sorted(read(text, "time_pattern").get("time_pattern", []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Getting up is the morning, not an activity.
        ("When I first get up it's the worst", ["morning_stiffness"]),
        ("as soon as I get out of bed", ["morning_stiffness"]),
        ("quand je me lève le matin", ["morning_stiffness"]),
        ("en smorgens bij t opstaan ben ik stijf", ["morning_stiffness"]),
        # Getting up from a chair is something the patient does.
        ("quand je me lève de ma chaise", ["during_activity"]),
        ("when I get up from a chair", ["during_activity"]),
        ("when I get up off the couch", ["during_activity"]),
        ("en me levant de ma chaise", ["during_activity"]),
        # Getting up in the night is the night.
        ("when I get up at night to pee", ["night"]),
    ],
)
def test_getting_up_is_the_morning(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No real pattern, it comes and goes whenever it likes.", ["no_pattern"]),
        ("ya pas de moment, sa vient et sa part, nimporte quand", ["no_pattern"]),
        ("ça vient et ça part, quand ça veut", ["no_pattern"]),
        ("het komt en gaat, om het even wanneer", ["no_pattern"]),
        ("whenever", ["no_pattern"]),
        # "whenever" with what the patient does names that moment
        ("whenever I squat", ["during_activity"]),
    ],
)
def test_comes_and_goes_is_no_pattern(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("all the time tbh, from when i get up till bed, doesn't really change", ["constant"]),
        ("from morning till night", ["constant"]),
        ("Tout le temps, du matin au soir. Ça ne me lâche jamais vraiment.", ["constant"]),
        ("van 's morgens tot 's avonds", ["constant"]),
        # all day, and a moment that is worst still: both
        ("all day really, worst driving the van", ["constant", "sitting"]),
        (
            "toute la journée, mais c'est pire quand je porte mon fils",
            ["constant", "during_activity"],
        ),
        (
            "eigenlijk heel de dag door, maar 't ergste als ik mijn arm boven mijn hoofd steek",
            ["constant", "during_activity"],
        ),
    ],
)
def test_morning_to_night_is_constant(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When I drive many hours in the car, and the worst is on the night shifts.",
            ["night", "sitting"],
        ),
        ("on night shifts when I lift patients", ["during_activity", "night"]),
        (
            "Pendant mes nuits au boulot, quand je dois retourner les patients.",
            ["during_activity", "night"],
        ),
        ("pendant mes gardes de nuit", ["night"]),
        ("tijdens mijn nachtdiensten, als ik patiënten moet draaien", ["during_activity", "night"]),
    ],
)
def test_a_night_shift_is_the_night(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    "text",
    ["after my night shift", "après ma garde de nuit", "na de nachtdienst"],
)
def test_after_a_night_shift_is_after_the_shift(text):
    assert worst(text) == ["after_activity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "especially when..." says more about the desk or the seat, not another activity
        (
            "Towards the end of a long day on the laptop, especially when I've been drafting all "
            "afternoon, and then in the evening when I get home it's at its peak.",
            ["desk_work", "night"],
        ),
        (
            "Quand je suis assise à la caisse, ça monte au fil des heures, surtout quand je fais "
            "le shift jusqu'à 20h. Et le soir en rentrant j'ai le dos en feu.",
            ["night", "sitting"],
        ),
        (
            "Op 't werk achter mijn computer, vooral in de namiddag als ik al uren in die "
            "Excels zit.",
            ["desk_work"],
        ),
        # another activity named is still its own
        ("at my desk, especially when I lift boxes", ["desk_work", "during_activity"]),
    ],
)
def test_especially_says_more_about_the_place(text, expected):
    assert worst(text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the evening when I get home", ["night"]),
        ("le soir en rentrant", ["night"]),
        ("'s avonds als ik thuiskom", ["night"]),
        # home from work is after work, as before
        ("le soir après le boulot", ["after_activity"]),
    ],
)
def test_coming_home_in_the_evening_is_the_evening(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the pain follows, joined by "or", is followed too
        (
            "After gardening or a long walk with the dog, and when I have been sitting for a long "
            "while, in the car or at a concert.",
            ["after_activity", "sitting"],
        ),
        ("après le foot ou le vélo", ["after_activity", "sport"]),
        ("na het voetballen of fietsen", ["after_activity", "sport"]),
        ("after football or at night", ["after_activity", "night", "sport"]),
        # the perfect says the activity is over
        ("when I have walked a lot", ["after_activity"]),
        ("Et quand il a beaucoup marché, il a mal tout l'après-midi.", ["after_activity"]),
        ("als ik veel gewandeld heb", ["after_activity"]),
        # a busy day is what the pain follows
        ("na een drukke zaterdag in den salon ben ik kapot", ["after_activity"]),
        ("after a busy Saturday", ["after_activity"]),
        ("après une grosse journée", ["after_activity"]),
    ],
)
def test_what_the_pain_follows(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("behind the wheel", ["sitting"]),
        ("au volant", ["sitting"]),
        ("achter t stuur, na een uur rijden kan ik ni meer zitten", ["sitting"]),
    ],
)
def test_behind_the_wheel_is_sitting(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pendant les cours quand je saute, et juste après le cours quand je refroidis",
            ["after_activity", "during_activity", "sport"],
        ),
        ("during class, on développés à la seconde", ["during_activity", "sport"]),
        ("tijdens de les als ik spring", ["during_activity", "sport"]),
        (
            "pendant les séances à la salle, surtout développé couché et pompes",
            ["during_activity", "sport"],
        ),
        # a class alone stays an activity
        ("Na de les en de dag erna", ["after_activity"]),
        ("During my classes with the high kicks", ["during_activity"]),
    ],
)
def test_a_class_with_jumps_or_lifts_is_sport(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "à la salle" is the gym only with what is done there
        ("à la salle, pendant la séance", ["during_activity", "sport"]),
        ("à la salle quand je fais des squats", ["during_activity", "sport"]),
        ("en salle de muscu", ["during_activity", "sport"]),
        # other rooms, and a waitress's floor, are no gym
        ("à la salle de bain, quand je me penche sur le lavabo", ["during_activity"]),
        ("quand je suis à la salle d'attente", ["during_activity"]),
        ("en salle de réunion, assise longtemps", ["sitting"]),
        ("je travaille en salle d'opération, debout toute la journée", ["during_activity"]),
        ("je suis serveuse, en salle le weekend", ["during_activity"]),
    ],
)
def test_a_salle_is_the_gym_only_with_gym_words(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nothing felt during the sport: the pain is after it.
        ("during the game its ok tbh, it's the day after that kills", ["after_activity"]),
        ("Sur le vélo je ne sens rien du tout. C'est une fois que je m'arrête que ça lance.",
         ["after_activity"]),
        ("tijdens de match voel ik het bijna nie, de dag erna wel", ["after_activity"]),
        ("Not so much while I'm working, it's once I've stopped", ["after_activity"]),
        # What eases it is no moment, said after the moment or after "and"/a comma.
        ("When I've been sitting for a long time. Standing up and walking around helps.",
         ["sitting"]),
        ("Pendant que je joue. Quand j'arrête, ça passe en une demi-heure.",
         ["during_activity"]),
        ("le matin au réveil, et ça se débloque en bougeant", ["morning_stiffness"]),
        ("Tijdens het stappen. Als ik stop is het vrij snel weg.", ["during_activity"]),
    ],
)  # fmt: skip
def test_a_clause_that_feels_nothing_or_eases_names_no_moment(text, expected):
    assert worst(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day after is after the activity; its morning stiffness only when it is stiff.
        ("Tijdens het golfen, en de dag erna is het gevoelig", ["during_activity", "sport",
                                                               "after_activity"]),
        ("pendant le match je sens rien, cest le lendemain que je boite", ["after_activity"]),
        ("when I climb, and the next day it is worst, very sore in the morning after a session",
         ["during_activity", "sport", "after_activity"]),
        ("After games, and the next morning it's stiff for a few minutes",
         ["after_activity", "sport", "morning_stiffness"]),
        # "after three or four k", "après 15-20 minutes": still during.
        ("During runs, usually kicks in after three or four k", ["during_activity", "sport"]),
        ("Pendant la course, après 15-20 minutes ça commence", ["during_activity", "sport"]),
        # Once off the bike is after the ride.
        ("na een lange rit, als ik afgestapt ben", ["after_activity"]),
    ],
)  # fmt: skip
def test_the_day_after_and_a_while_into_it(text, expected):
    assert sorted(worst(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("its pretty much there all day, from when i wake up until i sleep", ["constant"]),
        ("All day, all the time, it doesn't let up", ["constant"]),
        ("Franchement aucune logique, ça vient, ça part, des fois le matin, des fois le soir",
         ["no_pattern"]),
        ("ik heb daar echt geen zicht op. soms 's morgens, soms 's avonds", ["no_pattern"]),
        # typed on a phone without the apostrophe; the first steps of the day are the morning
        ("tijdens t padelen. en snachts als k op die kant lig", ["during_activity", "night",
                                                                "sport"]),
        ("Les premiers pas le matin quand je sors du lit", ["morning_stiffness"]),
    ],
)  # fmt: skip
def test_the_whole_day_no_pattern_and_phone_spelling(text, expected):
    assert sorted(worst(text)) == sorted(expected)
