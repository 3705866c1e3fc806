"""행정국 업무보고 대시보드의 순수 파이썬 핵심: 데이터 적재·검증, 계산, 질의, 서식, 차트.

Nothing in this package imports streamlit, so every calculation is testable on its own.
"""
