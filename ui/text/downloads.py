"""Strings of the share link and of the download buttons (``ui.frame``, ``ui.downloads``)."""

EN = {
    "frame.share_view": "Share this view",
    "downloads.csv": "CSV",
    "downloads.png": "PNG",
    "downloads.svg": "SVG",
    "downloads.csv_help": "Download the numbers behind this as a CSV table.",
    "downloads.png_help": "Download this chart as a PNG picture (drawn on the server).",
    "downloads.svg_help": "Download this chart as an SVG drawing, sharp at any size.",
}

ZH = {
    "frame.share_view": "分享此视图",
    "downloads.csv": "CSV",
    "downloads.png": "PNG",
    "downloads.svg": "SVG",
    "downloads.csv_help": "把这里的数据下载为 CSV 表格。",
    "downloads.png_help": "把这张图下载为 PNG 图片（在服务器上绘制）。",
    "downloads.svg_help": "把这张图下载为 SVG 矢量图，放大也清晰。",
}
