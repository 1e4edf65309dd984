"""Varied Chinese text for synthetic sources (fixed seed: the same text on every run)."""
import random

POOL = ("发展新质生产力是推动高质量发展的内在要求和重要着力点必须继续做好创新这篇大文章推动科技创新"
        "和产业创新深度融合助力发展新质生产力要素配置劳动者劳动资料劳动对象优化组合跃升共同富裕分配"
        "关系制度体系现代化产业数字经济平台企业就业结构收入差距公平竞争城乡区域协调治理")


def sentence_lines(n: int, width: int = 24, seed: int = 7) -> list[str]:
    """``n`` distinct lines of ``width`` characters that run on (no sentence end)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(POOL) for _ in range(width - 1)) + "，" for _ in range(n)]
