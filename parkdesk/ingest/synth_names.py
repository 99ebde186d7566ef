"""Word lists for the synthetic directory: trade names, industries, towns, roads, people.

Plain facts about Foshan (its districts, towns and postcodes) and invented company names;
nothing here comes from an article.
"""

from __future__ import annotations

# The five parks: id, name, district, postcode, towns, weight of enterprises (Nanhai is largest).
PARKS = (
    ("park-nanhai", "Nanhai Park", "Nanhai District", "5282",
     ("Guicheng", "Shishan", "Danzao", "Xiqiao", "Jiujiang", "Lishui", "Dali"), 30),
    ("park-shunde", "Shunde Park", "Shunde District", "5283",
     ("Daliang", "Ronggui", "Beijiao", "Lunjiao", "Leliu", "Chencun", "Longjiang", "Lecong"), 25),
    ("park-chancheng", "Chancheng Park", "Chancheng District", "5280",
     ("Zumiao", "Shiwan", "Zhangcha", "Nanzhuang"), 18),
    ("park-sanshui", "Sanshui Park", "Sanshui District", "5281",
     ("Xinan", "Yundonghai", "Baini", "Leping", "Datang", "Lubao", "Nanshan"), 14),
    ("park-gaoming", "Gaoming Park", "Gaoming District", "5285",
     ("Hecheng", "Yanghe", "Mingcheng", "Gengyong"), 13),
)

SYLLABLES = (
    "an", "bai", "bao", "bo", "chang", "chen", "cheng", "chuang", "da", "de", "ding", "dong",
    "fei", "feng", "fu", "gao", "guang", "hai", "hao", "he", "heng", "hong", "hua", "hui",
    "jia", "jian", "jie", "jin", "jing", "jun", "kai", "kang", "ke", "lan", "li", "lian", "lin",
    "long", "mei", "ming", "nuo", "pu", "qi", "qian", "rui", "run", "sen", "shang", "sheng",
    "shi", "tai", "tian", "tong", "wei", "wen", "xiang", "xin", "xing", "xu", "ya", "yi",
    "ying", "yong", "you", "yu", "yuan", "yue", "ze", "zhan", "zhen", "zheng", "zhi", "zhong",
    "zhuo"
)

# Industry: (what the description calls it, words that go into company names).
INDUSTRIES = (
    ("intelligent equipment maker", ("Intelligent Equipment", "Automation Equipment",
                                     "Precision Machinery", "CNC Machine Tool", "Robotics")),
    ("home appliance maker", ("Electrical Appliances", "Kitchen Appliances",
                              "Household Electric Appliance", "Lighting")),
    ("new materials producer", ("New Materials", "Aluminium", "Composite Materials", "Ceramics",
                                "Coatings", "Stainless Steel")),
    ("biomedicine company", ("Biotechnology", "Pharmaceutical", "Medical Devices",
                             "Health Technology", "Medical Equipment")),
    ("electronics and IT company", ("Electronics", "Information Technology", "Software",
                                    "Optoelectronics", "Semiconductor", "Network Technology")),
    ("new energy company", ("New Energy", "Hydrogen Energy", "Battery Technology", "Photovoltaic",
                            "Energy Storage")),
    ("auto parts maker", ("Auto Parts", "Automotive Components", "Motor", "Transmission")),
    ("environmental technology company", ("Environmental Protection Technology",
                                          "Water Treatment", "Recycling Technology")),
    ("textile and garment maker", ("Textile", "Garment", "Nonwoven Fabric")),
    ("furniture maker", ("Furniture", "Home Furnishing", "Sanitary Ware")),
    ("service company", ("Supply Chain Management", "Logistics", "Technology Services",
                         "Industrial Design", "Testing and Certification")),
)

# Company name patterns; {d} is the district's short name, {t} a trade name, {i} an industry.
NAME_PATTERNS = (
    ("Foshan {d} {t} {i} Co., Ltd.", 34),
    ("Foshan {t} {i} Technology Co., Ltd.", 22),
    ("Guangdong {t} {i} Co., Ltd.", 18),
    ("{t} {i} (Foshan) Co., Ltd.", 10),
    ("Foshan {t} {i} Group Co., Ltd.", 6),
    ("Foshan {d} {t} {i} Factory", 5),
    ("{t} {i} Technology (Guangdong) Co., Ltd.", 5),
)

INSTITUTION_PATTERNS = (
    "Foshan {t} {f} Research Institute",
    "Guangdong {f} Engineering Technology Research Center",
    "Foshan {d} {f} Innovation Laboratory",
    "{t} {f} Industrial Technology Institute",
)
FIELDS = ("Advanced Manufacturing", "Intelligent Robotics", "New Materials", "Biomedicine",
          "Photonics", "Hydrogen Energy", "Industrial Software", "Precision Casting")

CARRIER_KINDS = (
    ("science park", "Science Park"),
    ("industrial park", "Industrial Park"),
    ("innovation centre", "Innovation Centre"),
    ("incubator", "Incubator"),
    ("maker space", "Maker Space"),
    ("industrial cluster", "Industrial Cluster"),
)

ROADS = ("Kehai", "Jihua", "Fenjiang", "Lingnan", "Guilan", "Nanhai", "Qinghui", "Sanle",
         "Xingye", "Chuangye", "Kexue", "Gongye", "Huanshi", "Zhongshan", "Jianshe", "Xinfeng",
         "Shishan", "Fozhong", "Wenhua", "Jiangwan")
ROAD_TYPES = ("Road", "Avenue", "Road North", "Road South", "Street")

SURNAMES = ("Chen", "Li", "Huang", "Zhang", "Liang", "Lin", "He", "Wu", "Liu", "Luo", "Zhou",
            "Ou", "Mai", "Pan", "Tan", "Guan", "Deng", "Feng", "Lu", "Cai")
TITLES = ("General Manager", "Chairman", "Legal Representative", "Chief Engineer",
          "Director of Research")
PHONE_LABELS = ("Main line", "Sales", "Service", "Office")
