#include "engine/demo_names.hpp"

namespace steward::engine::demo::names {

const std::vector<KoreanFamily> kKoreanFamilies = {
    {"김", "Kim"},   {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}, {"정", "Jung"},
    {"강", "Kang"},  {"조", "Cho"}, {"윤", "Yoon"}, {"장", "Jang"}, {"임", "Lim"},
    {"한", "Han"},   {"오", "Oh"},  {"서", "Seo"},  {"신", "Shin"}, {"권", "Kwon"},
    {"황", "Hwang"}, {"안", "Ahn"}, {"송", "Song"}, {"류", "Ryu"},  {"홍", "Hong"}};

const std::vector<std::string> kKoreanGivenFemale = {
    "영희", "지영", "서연", "은정", "미경", "수진", "혜진", "지은", "경희", "순자",
    "은희", "현숙", "정민", "하은", "민지", "소영", "예진", "유진", "선희", "명숙"};
const std::vector<std::string> kKoreanGivenMale = {
    "민수", "현우", "성민", "정호", "동현", "상훈", "준호", "명수", "영철", "재현",
    "승현", "태훈", "진우", "성호", "광수", "도윤", "시우", "지훈", "병철", "우진"};
const std::vector<std::string> kKoreanAmericanFemale = {
    "Grace",     "Esther", "Hannah", "Sarah", "Ji-woo", "Soo-jin", "Eunice", "Rachel",
    "Christine", "Joanne", "Min-ji", "Susan", "Helen",  "Julie",   "Angela", "Yuna"};
const std::vector<std::string> kKoreanAmericanMale = {
    "Daniel", "Joseph", "Paul",    "David",   "Min-jun", "Samuel",  "Andrew", "John",
    "Peter",  "Steven", "Jae-won", "Timothy", "James",   "Sung-ho", "Brian",  "Eugene"};

const std::vector<std::string> kAmericanLast = {
    "Smith",    "Johnson", "Williams", "Brown",    "Jones",   "Miller",  "Davis",    "Wilson",
    "Anderson", "Taylor",  "Thomas",   "Moore",    "Martin",  "Jackson", "Thompson", "White",
    "Harris",   "Clark",   "Lewis",    "Robinson", "Walker",  "Young",   "Allen",    "King",
    "Wright",   "Scott",   "Green",    "Baker",    "Adams",   "Nelson",  "Hill",     "Campbell",
    "Mitchell", "Roberts", "Carter",   "Phillips", "Evans",   "Turner",  "Torres",   "Parker",
    "Collins",  "Edwards", "Stewart",  "Morris",   "Nguyen",  "Murphy",  "Rivera",   "Cook",
    "Rogers",   "Morgan",  "Peterson", "Cooper",   "Reed",    "Bailey",  "Bell",     "Gomez",
    "Kelly",    "Howard",  "Ward",     "Brooks",   "Sanders", "Price",   "Bennett",  "Wood"};
const std::vector<std::string> kAmericanFemale = {
    "Mary",    "Patricia", "Jennifer", "Linda",   "Elizabeth", "Barbara",  "Susan",   "Jessica",
    "Sarah",   "Karen",    "Nancy",    "Lisa",    "Betty",     "Margaret", "Sandra",  "Ashley",
    "Emily",   "Donna",    "Michelle", "Carol",   "Amanda",    "Melissa",  "Deborah", "Stephanie",
    "Rebecca", "Laura",    "Sharon",   "Cynthia", "Kathleen",  "Amy",      "Anna",    "Ruth"};
const std::vector<std::string> kAmericanMale = {
    "James",   "Robert",  "John",        "Michael", "David",   "William", "Richard", "Joseph",
    "Thomas",  "Charles", "Christopher", "Daniel",  "Matthew", "Anthony", "Mark",    "Donald",
    "Steven",  "Paul",    "Andrew",      "Joshua",  "Kenneth", "Kevin",   "Brian",   "George",
    "Timothy", "Ronald",  "Edward",      "Jason",   "Jeffrey", "Ryan",    "Jacob",   "Gary"};

const std::vector<std::string> kKoreanChurches = {
    "한빛교회",       "새소망교회",     "은혜한인교회",       "사랑의교회 LA",
    "온누리선교교회", "뉴욕충신교회",   "시애틀형제교회",     "주님의교회",
    "벧엘장로교회",   "토론토영락교회", "애틀랜타새생명교회", "달라스중앙교회"};
const std::vector<std::string> kEnglishChurches = {"Grace Community Church",
                                                   "First Presbyterian Church",
                                                   "Hope Fellowship",
                                                   "Cornerstone Baptist Church",
                                                   "New Life Church",
                                                   "Redeemer Church",
                                                   "Trinity Evangelical Free Church",
                                                   "Calvary Chapel Riverside",
                                                   "Living Water Church",
                                                   "St. Andrew's Episcopal Church",
                                                   "Harvest Bible Church",
                                                   "Christ Covenant Church",
                                                   "Bethany Korean Presbyterian Church"};
const std::vector<std::string> kBusinesses = {"Han River Trading Co.", "Kim & Park Dental Group",
                                              "Seoul Garden Restaurant", "Pacific Light Insurance",
                                              "Evergreen Accounting LLC"};
const std::vector<std::string> kFoundations = {
    "Lighthouse Family Foundation", "Good Shepherd Charitable Trust", "Morning Star Foundation"};

const std::vector<Place> kUsPlaces = {
    {"Los Angeles", "CA", "900", "US"}, {"Fullerton", "CA", "928", "US"},
    {"Irvine", "CA", "926", "US"},      {"San Jose", "CA", "951", "US"},
    {"Fort Lee", "NJ", "070", "US"},    {"Flushing", "NY", "113", "US"},
    {"Annandale", "VA", "220", "US"},   {"Duluth", "GA", "300", "US"},
    {"Seattle", "WA", "981", "US"},     {"Federal Way", "WA", "980", "US"},
    {"Chicago", "IL", "606", "US"},     {"Dallas", "TX", "752", "US"},
    {"Houston", "TX", "770", "US"},     {"Philadelphia", "PA", "191", "US"},
    {"Denver", "CO", "802", "US"},      {"Minneapolis", "MN", "554", "US"},
    {"Nashville", "TN", "372", "US"},   {"Portland", "OR", "972", "US"},
    {"Wheaton", "IL", "601", "US"},     {"Colorado Springs", "CO", "809", "US"}};
const std::vector<Place> kKoreanPlaces = {
    {"서울특별시", "", "0", "KR"}, {"부산광역시", "", "4", "KR"}, {"성남시", "경기도", "1", "KR"}};
const std::vector<Place> kCanadianPlaces = {
    {"Toronto", "ON", "M5", "CA"}, {"Vancouver", "BC", "V6", "CA"}, {"Calgary", "AB", "T2", "CA"}};
const std::vector<std::string> kStreets = {
    "Main St",     "Oak Ave",         "Maple Dr",    "Cedar Ln",     "Elm St",
    "Park Ave",    "Washington Blvd", "Lakeview Dr", "Hillcrest Rd", "Sunset Blvd",
    "Western Ave", "Broadway",        "Church St",   "Highland Ave", "Meadow Ln"};
const std::vector<std::string> kKoreanStreets = {"테헤란로", "세종대로", "올림픽로", "해운대로",
                                                 "판교역로"};

}  // namespace steward::engine::demo::names
